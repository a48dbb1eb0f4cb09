package io.rapport.analytics.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.rapport.analytics.model.ContactRelationship;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.persistence.EngagementEntity;

/**
 * Per-contact model state, rebuilt by the model from the stored engagement states and cached in
 * memory. A contact's state is built by a fresh {@link RelationshipModel} fed the contact's current
 * engagements in engagement-id order, so it is a pure function of the stored rows: the same bits
 * after a restart, a replay or any arrival order. The fold drops the entries of the contacts an
 * event touched once its transaction has committed.
 */
@ApplicationScoped
public class ScoreCache {

    /** Above this many missing contacts, one pass over all engagements is cheaper than targeted queries. */
    private static final int BULK_THRESHOLD = 200;

    private final EntityManager em;
    private final ScoringParameters params;
    private final Map<UUID, Optional<ContactRelationship>> cache = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    public ScoreCache(EntityManager em, ScoringParameters params) {
        this.em = em;
        this.params = params;
    }

    public ScoringParameters parameters() {
        return params;
    }

    public void invalidate(Collection<UUID> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        epoch.incrementAndGet();
        contacts.forEach(cache::remove);
    }

    public void clear() {
        epoch.incrementAndGet();
        cache.clear();
    }

    /** The contact's state, or null when it has no contributing engagement. Call inside a transaction. */
    public ContactRelationship get(UUID contactId) {
        return getAll(List.of(contactId)).get(contactId);
    }

    /** States of the given contacts (absent: no contributing engagement). Call inside a transaction. */
    public Map<UUID, ContactRelationship> getAll(Collection<UUID> contactIds) {
        Map<UUID, ContactRelationship> result = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (UUID id : contactIds) {
            Optional<ContactRelationship> c = cache.get(id);
            if (c == null) {
                missing.add(id);
            } else {
                c.ifPresent(rel -> result.put(id, rel));
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        long before = epoch.get();
        Map<UUID, ContactRelationship> built = build(missing);
        boolean unchanged = epoch.get() == before;
        for (UUID id : missing) {
            ContactRelationship rel = built.get(id);
            if (rel != null) {
                result.put(id, rel);
            }
            if (unchanged) {
                cache.put(id, Optional.ofNullable(rel));
            }
        }
        return result;
    }

    private record Row(EngagementEntity engagement, List<UUID> participants) {
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, ContactRelationship> build(Set<UUID> contacts) {
        List<Object[]> participantRows;
        List<EngagementEntity> engagements;
        if (contacts.size() > BULK_THRESHOLD) {
            engagements = em.createQuery("select e from EngagementEntity e where e.cancelled = false"
                + " and e.status in ('ACTIVE', 'COMPLETED')", EngagementEntity.class).getResultList();
            participantRows = em.createNativeQuery("select engagement_id, contact_id from engagement_participant")
                .getResultList();
        } else {
            List<UUID> ids = em.createNativeQuery("select distinct engagement_id from engagement_participant"
                + " where contact_id in (:ids)", UUID.class).setParameter("ids", contacts).getResultList();
            if (ids.isEmpty()) {
                return Map.of();
            }
            engagements = em.createQuery("select e from EngagementEntity e where e.id in :ids and e.cancelled = false"
                + " and e.status in ('ACTIVE', 'COMPLETED')", EngagementEntity.class).setParameter("ids", ids).getResultList();
            participantRows = em.createNativeQuery("select engagement_id, contact_id from engagement_participant"
                + " where engagement_id in (:ids)").setParameter("ids", ids).getResultList();
        }
        Map<UUID, List<UUID>> participants = new HashMap<>();
        for (Object[] r : participantRows) {
            participants.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
        }
        List<Row> rows = new ArrayList<>();
        for (EngagementEntity e : engagements) {
            List<UUID> ps = participants.getOrDefault(e.id, List.of());
            if (!ps.isEmpty()) {
                rows.add(new Row(e, ps));
            }
        }
        rows.sort(Comparator.comparing(r -> r.engagement().id));
        RelationshipModel model = new RelationshipModel(params);
        for (Row r : rows) {
            model.apply(EngagementEvent.logged(r.engagement().eventId, r.engagement().version, snapshot(r.engagement(), r.participants())));
        }
        Map<UUID, ContactRelationship> result = new HashMap<>();
        for (UUID id : contacts) {
            ContactRelationship rel = model.contact(id);
            if (rel != null) {
                result.put(id, rel);
            }
        }
        return result;
    }

    /** The model's view of a stored engagement state. */
    public static EngagementSnapshot snapshot(EngagementEntity e, List<UUID> participants) {
        return new EngagementSnapshot(e.id, EngagementType.valueOf(e.type), EngagementStatus.valueOf(e.status),
            e.startAt, e.endAt, Direction.valueOf(e.direction), e.effortHours, e.sentiment, participants);
    }
}
