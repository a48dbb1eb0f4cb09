package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.model.ValueDelta;
import io.rapport.analytics.persistence.EngagementRows;
import io.rapport.analytics.persistence.ParticipantRows;
import io.rapport.analytics.persistence.RelationshipRows;
import io.rapport.analytics.persistence.StoredEngagement;

/**
 * Folds engagement events into the read model, set-based, inside the caller's transaction and into the
 * tables its {@code search_path} resolves (the live ones, or the rebuild's copies). It loads and locks
 * the rows, runs the {@link FoldPlan} and writes its result:
 *
 * <ol>
 *   <li>per engagement, the winner of the batch (higher version; at equal version a cancellation, then
 *       the greater event id), then against the stored row (locked): a state that does not supersede
 *       the stored one changes nothing, which also makes a redelivered event a no-op;
 *   <li>the relationship rows of the old and new participants are locked (created on first sight);
 *   <li>the superseded state's credits are taken back up to its horizon and the new state's are
 *       credited up to {@code now} ({@link EngagementCredits}): slices, start, stay-in-touch;
 *   <li>participant rows, engagement rows and relationship rows are written, then the unit aggregates
 *       ({@link UnitAggregates}).
 * </ol>
 *
 * The due-slice job ({@link #creditDue}) credits, with the same rules, what fell due since.
 */
@ApplicationScoped
public class EngagementFolder {

    private final ScoringParameters params;
    private final UnitAggregates units;

    public EngagementFolder(ScoringParameters params, UnitAggregates units) {
        this.params = params;
        this.units = units;
    }

    /** Applies the changes at {@code now}; answers how many engagement rows were written. */
    public int fold(Connection c, List<EngagementChange> changes, Instant now) throws SQLException {
        Map<UUID, EngagementChange> winners = FoldPlan.winners(changes);
        if (winners.isEmpty()) {
            return 0;
        }
        Map<UUID, StoredEngagement> stored = EngagementRows.lock(c, winners.keySet());
        Map<UUID, EngagementChange> applied = FoldPlan.superseding(winners, stored);
        if (applied.isEmpty()) {
            return 0;
        }
        Map<UUID, StoredRelationship> relationships = RelationshipRows.lock(c, FoldPlan.contacts(applied, stored),
            params.halfLifeSeconds());
        FoldPlan.Writes writes = FoldPlan.apply(applied, stored, relationships, now, params);
        ParticipantRows.delete(c, writes.deletedParticipants());
        ParticipantRows.insert(c, writes.insertedParticipants());
        EngagementRows.insert(c, writes.inserts());
        EngagementRows.update(c, writes.updates());
        recomputeLatest(c, relationships.values(), now);
        RelationshipRows.write(c, relationships.values());
        units.apply(c, relationships.values(), writes.values());
        return applied.size();
    }

    /**
     * Credits what fell due at or before {@code now} for up to {@code limit} engagements (rows a fold
     * holds are left for the next run); answers how many were advanced.
     */
    public int creditDue(Connection c, Instant now, int limit) throws SQLException {
        Map<UUID, StoredEngagement> due = EngagementRows.lockDue(c, now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        Set<UUID> contacts = new HashSet<>();
        due.values().forEach(e -> contacts.addAll(e.snapshot().participants()));
        Map<UUID, StoredRelationship> relationships = RelationshipRows.lock(c, contacts, params.halfLifeSeconds());
        EngagementRows.advance(c, FoldPlan.creditDue(due.values(), relationships, now, params));
        RelationshipRows.write(c, relationships.values());
        units.apply(c, relationships.values(), new ValueDelta());
        return due.size();
    }

    /** The latest activity and touch of contacts whose maximum was taken back, from the participant rows just written. */
    private static void recomputeLatest(Connection c, Collection<StoredRelationship> relationships, Instant now)
        throws SQLException {
        List<UUID> stale = new ArrayList<>();
        for (StoredRelationship r : relationships) {
            if (r.lastActivityStale() || r.lastTouchStale()) {
                stale.add(r.contactId());
            }
        }
        Map<UUID, ParticipantRows.Latest> latest = ParticipantRows.latest(c, stale, now);
        for (StoredRelationship r : relationships) {
            if (r.lastActivityStale() || r.lastTouchStale()) {
                ParticipantRows.Latest l = latest.get(r.contactId());
                r.recomputed(l == null ? null : l.lastActivity(), l == null ? null : l.lastTouch());
            }
        }
    }
}
