package io.rapport.analytics.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.model.ContributionCalculator;
import io.rapport.analytics.model.EngagementContribution;
import io.rapport.analytics.model.EngagementCredits;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.model.ValueDelta;
import io.rapport.analytics.persistence.ParticipantRows;
import io.rapport.analytics.persistence.StoredEngagement;

/**
 * The engagement fold's decisions, without I/O: which changes win, which supersede the stored rows,
 * and what applying them does to the relationship rows and what is to be written. {@link EngagementFolder}
 * loads the rows, runs the plan and writes its result; the property tests run the same plan over rows
 * kept in memory.
 */
public final class FoldPlan {

    /** What a fold writes besides the relationship rows it changed in place. */
    public record Writes(List<StoredEngagement> inserts, List<StoredEngagement> updates,
                         List<ParticipantRows.Row> deletedParticipants, List<ParticipantRows.Row> insertedParticipants,
                         ValueDelta values) {
    }

    private FoldPlan() {
    }

    /** Per engagement, the winner of the batch, in engagement-id order. */
    public static Map<UUID, EngagementChange> winners(List<EngagementChange> changes) {
        Map<UUID, EngagementChange> winners = new TreeMap<>();
        for (EngagementChange change : changes) {
            winners.merge(change.snapshot().id(), change, (a, b) -> supersedes(b.event(), a.event()) ? b : a);
        }
        return winners;
    }

    /** The winners that supersede their stored row (or have none): the changes to apply. */
    public static Map<UUID, EngagementChange> superseding(Map<UUID, EngagementChange> winners, Map<UUID, StoredEngagement> stored) {
        Map<UUID, EngagementChange> applied = new LinkedHashMap<>();
        winners.forEach((id, change) -> {
            StoredEngagement old = stored.get(id);
            if (old == null || supersedes(change.event(), old)) {
                applied.put(id, change);
            }
        });
        return applied;
    }

    /** The contacts the applied changes touch: their old and new participants. */
    public static Set<UUID> contacts(Map<UUID, EngagementChange> applied, Map<UUID, StoredEngagement> stored) {
        Set<UUID> contacts = new HashSet<>();
        applied.forEach((id, change) -> {
            contacts.addAll(change.snapshot().participants());
            StoredEngagement old = stored.get(id);
            if (old != null) {
                contacts.addAll(old.snapshot().participants());
            }
        });
        return contacts;
    }

    /**
     * Applies the changes at {@code now} to the (loaded, locked) relationship rows: each superseded state's
     * credits taken back up to its horizon, each new state's credited up to now. Answers the rows to write.
     */
    public static Writes apply(Map<UUID, EngagementChange> applied, Map<UUID, StoredEngagement> stored,
        Map<UUID, StoredRelationship> relationships, Instant now, ScoringParameters params) {
        ValueDelta values = new ValueDelta();
        List<ParticipantRows.Row> deleted = new ArrayList<>();
        List<ParticipantRows.Row> inserted = new ArrayList<>();
        List<StoredEngagement> inserts = new ArrayList<>();
        List<StoredEngagement> updates = new ArrayList<>();
        for (Map.Entry<UUID, EngagementChange> e : applied.entrySet()) {
            StoredEngagement old = stored.get(e.getKey());
            if (old != null) {
                takeBack(old, relationships, values, deleted, params);
                updates.add(credit(e.getValue(), relationships, values, inserted, now, params));
            } else {
                inserts.add(credit(e.getValue(), relationships, values, inserted, now, params));
            }
        }
        return new Writes(inserts, updates, deleted, inserted, values);
    }

    /** Credits what fell due in {@code (credited_until, now]}; answers each engagement's new horizon and next due instant. */
    public static Map<UUID, Instant[]> creditDue(Collection<StoredEngagement> due, Map<UUID, StoredRelationship> relationships,
        Instant now, ScoringParameters params) {
        Map<UUID, Instant[]> horizons = new LinkedHashMap<>();
        for (StoredEngagement e : due) {
            EngagementContribution contribution = ContributionCalculator.contribution(e.snapshot(), params);
            EngagementCredits.credit(contribution, e.creditedUntil(), now, relationships::get);
            horizons.put(e.id(), new Instant[] {now, EngagementCredits.nextDue(contribution, now)});
        }
        return horizons;
    }

    private static void takeBack(StoredEngagement old, Map<UUID, StoredRelationship> relationships, ValueDelta values,
        List<ParticipantRows.Row> deleted, ScoringParameters params) {
        EngagementSnapshot s = old.snapshot();
        EngagementCredits.takeBack(ContributionCalculator.contribution(s, params), old.creditedUntil(), relationships::get);
        if (!old.cancelled()) {
            EngagementCredits.untouch(s, relationships::get);
            deleted.addAll(participantRows(s, old.participantUnits()));
        }
        values.add(s, old.participantUnits().values(), -1);
    }

    private static StoredEngagement credit(EngagementChange change, Map<UUID, StoredRelationship> relationships,
        ValueDelta values, List<ParticipantRows.Row> inserted, Instant now, ScoringParameters params) {
        EngagementSnapshot s = change.snapshot();
        Map<UUID, UUID> participantUnits = new LinkedHashMap<>();
        for (UUID p : s.participants()) {
            UUID unit = change.participantUnits().get(p);
            participantUnits.put(p, unit != null ? unit : relationships.get(p).businessUnitId());
        }
        EngagementContribution contribution = ContributionCalculator.contribution(s, params);
        EngagementCredits.credit(contribution, null, now, relationships::get);
        if (!change.cancelled()) {
            EngagementCredits.touch(s, relationships::get);
            inserted.addAll(participantRows(s, participantUnits));
        }
        values.add(s, participantUnits.values(), 1);
        return new StoredEngagement(change.event().version(), change.eventId(), change.cancelled(), s, participantUnits, now,
            EngagementCredits.nextDue(contribution, now));
    }

    private static List<ParticipantRows.Row> participantRows(EngagementSnapshot s, Map<UUID, UUID> units) {
        List<ParticipantRows.Row> rows = new ArrayList<>(s.participants().size());
        for (UUID p : s.participants()) {
            rows.add(new ParticipantRows.Row(p, s.id(), units.get(p), s.startAt(), s.activityEnd(), s.status().contributes()));
        }
        return rows;
    }

    /** The fold's order: higher version; at equal version a cancellation, then the greater event id. */
    static boolean supersedes(EngagementEvent event, EngagementEvent other) {
        return supersedes(event.version(), event.kind() == EngagementEvent.Kind.CANCELLED, event.eventId(),
            other.version(), other.kind() == EngagementEvent.Kind.CANCELLED, other.eventId());
    }

    private static boolean supersedes(EngagementEvent event, StoredEngagement row) {
        return supersedes(event.version(), event.kind() == EngagementEvent.Kind.CANCELLED, event.eventId(), row.version(),
            row.cancelled(), row.eventId());
    }

    static boolean supersedes(long version, boolean cancels, String eventId, long currentVersion, boolean currentCancelled,
        String currentEventId) {
        if (version != currentVersion) {
            return version > currentVersion;
        }
        if (cancels != currentCancelled) {
            return cancels;
        }
        return eventId.compareTo(currentEventId) > 0;
    }
}
