package io.rapport.analytics.service;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.analytics.events.EventTypes;
import io.rapport.analytics.mapping.EventParser;
import io.rapport.analytics.mapping.EventParser.ContactChange;
import io.rapport.analytics.mapping.EventParser.EngagementChange;
import io.rapport.analytics.mapping.EventParser.RoleChange;
import io.rapport.analytics.mapping.EventParser.UnitChange;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.persistence.BusinessUnitEntity;
import io.rapport.analytics.persistence.ContactEntity;
import io.rapport.analytics.persistence.EngagementEntity;
import io.rapport.analytics.persistence.StakeholderRoleEntity;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.inbox.ProcessedEvents;

/**
 * Applies consumed events to the read model, one transaction per event: the event id is recorded
 * with {@link ProcessedEvents} in the same transaction as its effect, so a redelivered event changes
 * nothing. Engagements keep their highest version (the same rule as
 * {@link io.rapport.analytics.model.RelationshipModel}), so any arrival order converges.
 * Parsing happens before the transaction: a malformed event throws
 * {@link io.rapport.platform.events.CloudEventCodec.MalformedEventException} and touches nothing.
 */
@ApplicationScoped
public class FoldService {

    public static final String CONSUMER = "analytics-service";

    private final EntityManager em;
    private final ProcessedEvents processed;
    private final EventParser parser;
    private final ScoreCache cache;

    public FoldService(EntityManager em, ProcessedEvents processed, EventParser parser, ScoreCache cache) {
        this.em = em;
        this.processed = processed;
        this.parser = parser;
        this.cache = cache;
    }

    /** Applies one event of rapport.engagements.v1; the score cache of affected contacts is dropped after commit. */
    public void applyEngagementEvent(CloudEvent event) {
        EngagementChange change = parser.engagement(event);
        Set<UUID> affected = QuarkusTransaction.requiringNew().call(() -> {
            RebuildService.enterLiveFold(em);
            if (!processed.markProcessed(CONSUMER, event.id())) {
                return Set.<UUID>of();
            }
            return upsertEngagement(change);
        });
        cache.invalidate(affected);
    }

    /** Applies one event of rapport.contacts.v1. */
    public void applyContactEvent(CloudEvent event) {
        Object change = parser.contactTopic(event);
        Set<UUID> affected = QuarkusTransaction.requiringNew().call(() -> {
            RebuildService.enterLiveFold(em);
            if (!processed.markProcessed(CONSUMER, event.id())) {
                return Set.<UUID>of();
            }
            if (change instanceof ContactChange c) {
                return applyContact(c);
            } else if (change instanceof UnitChange u) {
                applyUnit(u);
            } else if (change instanceof RoleChange r) {
                applyRole(r);
            }
            return Set.<UUID>of();
        });
        cache.invalidate(affected);
    }

    /**
     * The rebuild's fold: applies one event of either topic with the same rules, but without the inbox
     * (a rebuild replays events that are already recorded as processed), to the tables the current
     * transaction's search_path resolves (see {@link RebuildService}). Call inside a transaction;
     * a malformed event throws before anything is touched.
     */
    void foldForRebuild(CloudEvent event, boolean engagementTopic) {
        if (engagementTopic) {
            upsertEngagement(parser.engagement(event));
            return;
        }
        Object change = parser.contactTopic(event);
        if (change instanceof ContactChange c) {
            applyContact(c);
        } else if (change instanceof UnitChange u) {
            applyUnit(u);
        } else if (change instanceof RoleChange r) {
            applyRole(r);
        }
    }

    private Set<UUID> upsertEngagement(EngagementChange change) {
        EngagementEvent event = change.event();
        EngagementSnapshot s = change.snapshot();
        boolean cancels = event.kind() == EngagementEvent.Kind.CANCELLED;
        EngagementEntity row = em.find(EngagementEntity.class, s.id());
        Set<UUID> affected = new HashSet<>();
        if (row != null) {
            if (!supersedes(event.version(), cancels, event.eventId(), row)) {
                return Set.of(); // stale: an older or equal state arrived late
            }
            affected.addAll(participants(s.id()));
            em.createNativeQuery("delete from engagement_participant where engagement_id = :id")
                .setParameter("id", s.id()).executeUpdate();
        } else {
            row = new EngagementEntity();
            row.id = s.id();
        }
        row.version = event.version();
        row.eventId = event.eventId();
        row.cancelled = cancels;
        row.type = s.type().name();
        row.status = s.status().name();
        row.startAt = s.startAt();
        row.endAt = s.endAt();
        row.direction = s.direction().name();
        row.effortHours = s.effortHours();
        row.sentiment = s.sentiment();
        if (!em.contains(row)) {
            em.persist(row);
        }
        em.flush();
        for (Map.Entry<UUID, UUID> p : change.participantUnits().entrySet()) {
            em.createNativeQuery("insert into engagement_participant (engagement_id, contact_id, business_unit_id)"
                    + " values (:e, :c, :u)")
                .setParameter("e", s.id()).setParameter("c", p.getKey()).setParameter("u", p.getValue())
                .executeUpdate();
            affected.add(p.getKey());
        }
        return affected;
    }

    /** Same rule as the model: higher version; at equal version a cancellation, then the greater event id. */
    static boolean supersedes(long version, boolean cancels, String eventId, EngagementEntity current) {
        if (version != current.version) {
            return version > current.version;
        }
        if (cancels != current.cancelled) {
            return cancels;
        }
        return eventId.compareTo(current.eventId) > 0;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> participants(UUID engagementId) {
        return em.createNativeQuery("select contact_id from engagement_participant where engagement_id = :id", UUID.class)
            .setParameter("id", engagementId).getResultList();
    }

    private Set<UUID> applyContact(ContactChange c) {
        ContactEntity row = em.find(ContactEntity.class, c.contactId());
        boolean erase = EventTypes.CONTACT_ERASED.equals(c.type());
        if (row != null && (row.erased() || (!erase && c.version() <= row.version))) {
            return Set.of(); // erasure is final; older states are ignored
        }
        if (row == null) {
            row = new ContactEntity();
            row.id = c.contactId();
            row.kind = "INTERNAL";
        }
        row.businessUnitId = c.businessUnitId();
        row.version = Math.max(row.version, c.version());
        if (erase) {
            // The only personal datum held is the owner's work email: cleared. Roles go too.
            row.status = ContactEntity.ERASED;
            row.ownerEmail = null;
            em.createQuery("delete from StakeholderRoleEntity r where r.contactId = :c")
                .setParameter("c", c.contactId()).executeUpdate();
        } else {
            row.status = c.status();
            row.kind = c.kind();
            row.ownerEmail = c.ownerEmail();
        }
        if (!em.contains(row)) {
            em.persist(row);
        }
        return Set.of(c.contactId());
    }

    private void applyUnit(UnitChange u) {
        BusinessUnitEntity row = em.find(BusinessUnitEntity.class, u.businessUnitId());
        if (row != null && u.version() < row.version) {
            return;
        }
        if (row == null) {
            row = new BusinessUnitEntity();
            row.id = u.businessUnitId();
        }
        row.code = u.code();
        row.name = u.name();
        row.parentId = u.parentId();
        row.version = u.version();
        row.deleted = EventTypes.UNIT_DELETED.equals(u.type());
        if (!em.contains(row)) {
            em.persist(row);
        }
    }

    private void applyRole(RoleChange r) {
        ContactEntity contact = em.find(ContactEntity.class, r.contactId());
        if (contact != null && contact.erased()) {
            return; // nothing is kept about an erased contact
        }
        StakeholderRoleEntity row = em.find(StakeholderRoleEntity.class, r.roleId());
        if (row == null) {
            row = new StakeholderRoleEntity();
            row.id = r.roleId();
        }
        row.contactId = r.contactId();
        row.projectCode = r.projectCode();
        row.role = r.role();
        row.startDate = r.startDate();
        row.endDate = r.endDate();
        row.ended = EventTypes.ROLE_ENDED.equals(r.type());
        if (!em.contains(row)) {
            em.persist(row);
        }
    }
}
