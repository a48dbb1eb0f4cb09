package io.rapport.analytics.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.persistence.ParticipantRows;
import io.rapport.analytics.persistence.RelationshipQueries.Recent;
import io.rapport.analytics.persistence.StoredEngagement;
import io.rapport.analytics.service.FoldPlan;
import io.rapport.analytics.service.RelationshipReader;

/**
 * The persisted read model with its rows kept in maps instead of tables: the same {@link FoldPlan}, the
 * same row classes ({@link StoredRelationship}, {@link StoredUnit}, {@link StoredEngagement}), each
 * relationship and unit row "loaded" afresh (a new object from its stored fields) for every transaction,
 * as the service does, and the same evaluation ({@link RelationshipReader#evaluate}). What the tables add
 * (SQL, locks) is tested against PostgreSQL by the Quarkus tests.
 */
final class InMemoryReadModel {

    private final ScoringParameters params;
    private final long h;
    private final Map<UUID, StoredEngagement> engagements = new TreeMap<>();
    private final Map<UUID, StoredRelationship> relationships = new TreeMap<>();
    private final Map<UUID, Map<UUID, ParticipantRows.Row>> participants = new HashMap<>();
    private final Map<UUID, StoredUnit> units = new TreeMap<>();
    private final Map<UUID, UUID> unitOf;

    /** @param unitOf each contact's unit (every contact is known, listed and counted) */
    InMemoryReadModel(ScoringParameters params, Map<UUID, UUID> unitOf) {
        this.params = params;
        this.h = params.halfLifeSeconds();
        this.unitOf = unitOf;
    }

    /** One fold transaction at {@code now}. */
    void fold(List<EngagementChange> batch, Instant now) {
        Map<UUID, EngagementChange> winners = FoldPlan.winners(batch);
        Map<UUID, StoredEngagement> stored = new TreeMap<>();
        winners.keySet().forEach(id -> {
            if (engagements.containsKey(id)) {
                stored.put(id, engagements.get(id));
            }
        });
        Map<UUID, EngagementChange> applied = FoldPlan.superseding(winners, stored);
        if (applied.isEmpty()) {
            return;
        }
        Map<UUID, StoredRelationship> loaded = load(FoldPlan.contacts(applied, stored));
        FoldPlan.Writes writes = FoldPlan.apply(applied, stored, loaded, now, params);
        writes.deletedParticipants().forEach(r -> participants.get(r.contactId()).remove(r.engagementId()));
        writes.insertedParticipants().forEach(r -> participants.computeIfAbsent(r.contactId(), k -> new HashMap<>())
            .put(r.engagementId(), r));
        writes.inserts().forEach(e -> engagements.put(e.id(), e));
        writes.updates().forEach(e -> engagements.put(e.id(), e));
        for (StoredRelationship r : loaded.values()) {
            if (r.lastActivityStale() || r.lastTouchStale()) {
                Instant activity = null;
                Instant touch = null;
                for (ParticipantRows.Row p : participants.getOrDefault(r.contactId(), Map.of()).values()) {
                    if (p.contributes() && !p.startAt().isAfter(now) && (activity == null || p.activityEnd().isAfter(activity))) {
                        activity = p.activityEnd();
                    }
                    if (touch == null || p.activityEnd().isAfter(touch)) {
                        touch = p.activityEnd();
                    }
                }
                r.recomputed(activity, touch);
            }
        }
        store(loaded.values());
    }

    /** One due-slice run at {@code now}. */
    void creditDue(Instant now) {
        List<StoredEngagement> due = new ArrayList<>();
        for (StoredEngagement e : engagements.values()) {
            if (e.nextDueAt() != null && !e.nextDueAt().isAfter(now)) {
                due.add(e);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Set<UUID> contacts = new TreeSet<>();
        due.forEach(e -> contacts.addAll(e.snapshot().participants()));
        Map<UUID, StoredRelationship> loaded = load(contacts);
        FoldPlan.creditDue(due, loaded, now, params).forEach((id, horizon) -> {
            StoredEngagement e = engagements.get(id);
            engagements.put(id, new StoredEngagement(e.version(), e.eventId(), e.cancelled(), e.snapshot(), e.participantUnits(),
                horizon[0], horizon[1]));
        });
        store(loaded.values());
    }

    /** The contact's relationship at {@code now}, as the service reads it. */
    RelationshipScore evaluate(UUID contact, Instant now) {
        StoredRelationship r = relationships.get(contact);
        if (r == null) {
            return RelationshipScore.none(contact, now);
        }
        Instant frequencyFrom = now.minus(ScoringParameters.FREQUENCY_WINDOW);
        List<Recent> recent = new ArrayList<>();
        for (ParticipantRows.Row p : participants.getOrDefault(contact, Map.of()).values()) {
            if (p.contributes() && !p.startAt().isAfter(now) && p.activityEnd().isAfter(frequencyFrom)) {
                recent.add(new Recent(p.engagementId(), p.activityEnd()));
            }
        }
        return RelationshipReader.evaluate(reload(r), recent, engagements, new HashMap<>(), now, params);
    }

    /** The unit's summed strength at {@code now}. */
    double unitStrength(UUID unit, Instant now) {
        StoredUnit u = units.get(unit);
        return u == null ? 0.0 : u.strengthAt(now);
    }

    StoredRelationship row(UUID contact) {
        return relationships.get(contact);
    }

    private Map<UUID, StoredRelationship> load(Collection<UUID> contacts) {
        Map<UUID, StoredRelationship> loaded = new LinkedHashMap<>();
        for (UUID c : new TreeSet<>(contacts)) {
            StoredRelationship r = relationships.get(c);
            if (r == null) {
                r = StoredRelationship.empty(c, h);
                r.describe(unitOf.get(c), true, true, null, null);
                r = reload(r);
            }
            loaded.put(c, reload(r));
        }
        return loaded;
    }

    /** The row as stored: a new object from its fields (loaded reference = its state now). */
    private StoredRelationship reload(StoredRelationship r) {
        return new StoredRelationship(r.contactId(), r.businessUnitId(), r.listed(), r.counted(), h, r.frame(), r.rawSum(),
            r.compensation(), r.slices(), r.givenMicros(), r.receivedMicros(), r.sentimentSum(), r.sentimentCount(),
            r.lastActivityAt(), r.lastTouchAt(), r.createdAt(), r.cadenceDays());
    }

    /** Writes the rows and moves their changes into the unit sums, as UnitAggregates does. */
    private void store(Collection<StoredRelationship> rows) {
        for (StoredRelationship r : rows) {
            StoredRelationship.Reference before = r.loadedReference();
            StoredRelationship.Reference after = r.reference();
            if (!before.equals(after)) {
                Set<UUID> touched = new TreeSet<>();
                if (before.counted() && before.businessUnitId() != null) {
                    touched.add(before.businessUnitId());
                }
                if (after.counted() && after.businessUnitId() != null) {
                    touched.add(after.businessUnitId());
                }
                for (UUID u : touched) {
                    StoredUnit unit = units.get(u);
                    StoredUnit fresh = unit == null ? StoredUnit.empty(u, h)
                        : new StoredUnit(u, h, unit.frame(), unit.rawSum(), unit.compensation(), unit.contacts());
                    fresh.apply(before, after);
                    units.put(u, fresh);
                }
            }
            relationships.put(r.contactId(), r);
        }
    }
}
