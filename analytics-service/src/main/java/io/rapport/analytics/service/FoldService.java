package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

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
import io.rapport.analytics.persistence.StakeholderRoleEntity;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.rapport.platform.inbox.ProcessedEvents;

/**
 * Applies consumed events to the read model, one transaction per batch (a poll of the consumer):
 * the batch's event ids are recorded with {@link ProcessedEvents#markAllProcessed} in the same
 * transaction as their effect, so a redelivered event changes nothing and only the ids recorded now
 * are applied. Engagements keep their highest version (the same rule as
 * {@link io.rapport.analytics.model.RelationshipModel}, also between events of one batch), so any
 * arrival order converges; they are written with set-based statements (arrays and {@code unnest}), a
 * fixed number of statements per batch. Contact-topic events are rarer and applied one by one, inside
 * the batch transaction. Parsing happens before the transaction ({@link #parse}): a malformed event
 * throws {@link io.rapport.platform.events.CloudEventCodec.MalformedEventException} and touches nothing.
 */
@ApplicationScoped
public class FoldService {

    public static final String CONSUMER = "analytics-service";
    /** Width of {@code processed_event.event_id} and {@code engagement.event_id}. */
    static final int MAX_EVENT_ID = 200;

    /** A parsed contact-topic event: its id and a {@link ContactChange}, {@link UnitChange} or {@link RoleChange}. */
    public record ContactTopicChange(String eventId, Object change) {
    }

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

    /** Parses an event of either topic: an {@link EngagementChange} or a {@link ContactTopicChange}; throws when malformed. */
    public Object parse(CloudEvent event, boolean engagementTopic) {
        if (event.id() == null || event.id().isEmpty() || event.id().length() > MAX_EVENT_ID) {
            throw new MalformedEventException("event id must be 1.." + MAX_EVENT_ID + " characters", null);
        }
        return engagementTopic ? parser.engagement(event) : new ContactTopicChange(event.id(), parser.contactTopic(event));
    }

    /**
     * Applies a batch of rapport.engagements.v1 events in one transaction; the score cache of the
     * affected contacts is dropped after commit. Throws (and changes nothing) when the database fails.
     */
    public void applyEngagementBatch(List<EngagementChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        cache.invalidate(foldEngagementTransaction(changes));
    }

    private Set<UUID> foldEngagementTransaction(List<EngagementChange> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            RebuildService.enterLiveFold(em);
            Set<String> fresh = new HashSet<>(
                processed.markAllProcessed(CONSUMER, changes.stream().map(c -> c.event().eventId()).toList()));
            List<EngagementChange> toApply = new ArrayList<>(fresh.size());
            for (EngagementChange c : changes) {
                if (fresh.remove(c.event().eventId())) { // remove: a copy later in the batch is a duplicate
                    toApply.add(c);
                }
            }
            return foldEngagements(toApply);
        });
    }

    /** Applies a batch of rapport.contacts.v1 events, in order, in one transaction. */
    public void applyContactBatch(List<ContactTopicChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Set<UUID> affected = QuarkusTransaction.requiringNew().call(() -> {
            RebuildService.enterLiveFold(em);
            Set<String> fresh = new HashSet<>(
                processed.markAllProcessed(CONSUMER, changes.stream().map(ContactTopicChange::eventId).toList()));
            Set<UUID> touched = new HashSet<>();
            for (ContactTopicChange c : changes) {
                if (fresh.remove(c.eventId())) {
                    touched.addAll(applyContactTopic(c.change()));
                }
            }
            return touched;
        });
        cache.invalidate(affected);
    }

    /**
     * The rebuild's fold: applies parsed events of both topics with the same rules and the same code,
     * but without the inbox (a rebuild replays events that are already recorded as processed), to the
     * tables the current transaction's search_path resolves (see {@link RebuildService}). Call inside a
     * transaction.
     */
    void foldForRebuild(List<EngagementChange> engagements, List<ContactTopicChange> contacts) {
        for (ContactTopicChange c : contacts) {
            applyContactTopic(c.change());
        }
        em.flush();
        foldEngagements(engagements);
    }

    private Set<UUID> applyContactTopic(Object change) {
        if (change instanceof ContactChange c) {
            return applyContact(c);
        } else if (change instanceof UnitChange u) {
            applyUnit(u);
        } else if (change instanceof RoleChange r) {
            applyRole(r);
        }
        return Set.of();
    }

    /** Current state of an engagement row, as far as supersession needs it. */
    private record Current(long version, String eventId, boolean cancelled) {
    }

    /**
     * Folds engagement changes with set-based SQL: the winner per engagement within the batch, then
     * against the stored rows (loaded in one query, locked), then one delete of the superseded rows'
     * participants, one insert of new rows, one update of superseded rows and one insert of
     * participants. Answers the affected contacts (old and new participants of every written row).
     */
    private Set<UUID> foldEngagements(List<EngagementChange> changes) {
        if (changes.isEmpty()) {
            return Set.of();
        }
        Map<UUID, EngagementChange> winners = new LinkedHashMap<>();
        for (EngagementChange c : changes) {
            winners.merge(c.snapshot().id(), c, (a, b) -> supersedes(b.event(), a.event()) ? b : a);
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> writeEngagements(connection, winners));
    }

    private static Set<UUID> writeEngagements(Connection connection, Map<UUID, EngagementChange> winners) throws SQLException {
        Map<UUID, Current> current = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
            "select id, version, event_id, cancelled from engagement where id = any(?::uuid[]) for update")) {
            s.setArray(1, connection.createArrayOf("uuid", winners.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    current.put(rs.getObject(1, UUID.class), new Current(rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        List<EngagementChange> inserts = new ArrayList<>();
        List<EngagementChange> updates = new ArrayList<>();
        for (EngagementChange c : winners.values()) {
            Current row = current.get(c.snapshot().id());
            if (row == null) {
                inserts.add(c);
            } else if (supersedes(c.event(), row)) {
                updates.add(c);
            } // else stale: an older or equal state arrived late
        }
        Set<UUID> affected = new HashSet<>();
        if (!updates.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                "delete from engagement_participant where engagement_id = any(?::uuid[]) returning contact_id")) {
                s.setArray(1, connection.createArrayOf("uuid", updates.stream().map(c -> c.snapshot().id()).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        affected.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        String columns = "?::uuid[], ?::int8[], ?::varchar[], ?::bool[], ?::varchar[], ?::varchar[], ?::timestamptz[],"
            + " ?::timestamptz[], ?::varchar[], ?::float8[], ?::int4[]";
        if (!inserts.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("insert into engagement (id, version, event_id, cancelled,"
                + " type, status, start_at, end_at, direction, effort_hours, sentiment) select * from unnest(" + columns + ")")) {
                bindRows(connection, s, inserts);
                s.executeUpdate();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("update engagement e set version = v.version,"
                + " event_id = v.event_id, cancelled = v.cancelled, type = v.type, status = v.status, start_at = v.start_at,"
                + " end_at = v.end_at, direction = v.direction, effort_hours = v.effort_hours, sentiment = v.sentiment"
                + " from unnest(" + columns + ") as v(id, version, event_id, cancelled, type, status, start_at, end_at,"
                + " direction, effort_hours, sentiment) where e.id = v.id")) {
                bindRows(connection, s, updates);
                s.executeUpdate();
            }
        }
        List<Object> engagementIds = new ArrayList<>();
        List<Object> contactIds = new ArrayList<>();
        List<Object> unitIds = new ArrayList<>();
        for (List<EngagementChange> written : List.of(inserts, updates)) {
            for (EngagementChange c : written) {
                for (Map.Entry<UUID, UUID> p : c.participantUnits().entrySet()) {
                    engagementIds.add(c.snapshot().id());
                    contactIds.add(p.getKey());
                    unitIds.add(p.getValue());
                    affected.add(p.getKey());
                }
            }
        }
        if (!engagementIds.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("insert into engagement_participant"
                + " (engagement_id, contact_id, business_unit_id) select * from unnest(?::uuid[], ?::uuid[], ?::uuid[])")) {
                s.setArray(1, connection.createArrayOf("uuid", engagementIds.toArray()));
                s.setArray(2, connection.createArrayOf("uuid", contactIds.toArray()));
                s.setArray(3, connection.createArrayOf("uuid", unitIds.toArray()));
                s.executeUpdate();
            }
        }
        return affected;
    }

    /** Binds the eleven column arrays of engagement rows, in the order of {@code writeEngagements}' column list. */
    private static void bindRows(Connection connection, PreparedStatement s, List<EngagementChange> rows) throws SQLException {
        int n = rows.size();
        Object[] id = new Object[n];
        Object[] version = new Object[n];
        Object[] eventId = new Object[n];
        Object[] cancelled = new Object[n];
        Object[] type = new Object[n];
        Object[] status = new Object[n];
        Object[] startAt = new Object[n];
        Object[] endAt = new Object[n];
        Object[] direction = new Object[n];
        Object[] effort = new Object[n];
        Object[] sentiment = new Object[n];
        for (int i = 0; i < n; i++) {
            EngagementEvent e = rows.get(i).event();
            EngagementSnapshot x = rows.get(i).snapshot();
            id[i] = x.id();
            version[i] = e.version();
            eventId[i] = e.eventId();
            cancelled[i] = e.kind() == EngagementEvent.Kind.CANCELLED;
            type[i] = x.type().name();
            status[i] = x.status().name();
            startAt[i] = x.startAt().toString();
            endAt[i] = x.endAt() == null ? null : x.endAt().toString();
            direction[i] = x.direction().name();
            effort[i] = x.effortHours();
            sentiment[i] = x.sentiment();
        }
        s.setArray(1, connection.createArrayOf("uuid", id));
        s.setArray(2, connection.createArrayOf("int8", version));
        s.setArray(3, connection.createArrayOf("varchar", eventId));
        s.setArray(4, connection.createArrayOf("bool", cancelled));
        s.setArray(5, connection.createArrayOf("varchar", type));
        s.setArray(6, connection.createArrayOf("varchar", status));
        s.setArray(7, connection.createArrayOf("text", startAt));
        s.setArray(8, connection.createArrayOf("text", endAt));
        s.setArray(9, connection.createArrayOf("varchar", direction));
        s.setArray(10, connection.createArrayOf("float8", effort));
        s.setArray(11, connection.createArrayOf("int4", sentiment));
    }

    /** Same rule as the model: higher version; at equal version a cancellation, then the greater event id. */
    static boolean supersedes(EngagementEvent event, EngagementEvent other) {
        return supersedes(event.version(), event.kind() == EngagementEvent.Kind.CANCELLED, event.eventId(),
            other.version(), other.kind() == EngagementEvent.Kind.CANCELLED, other.eventId());
    }

    private static boolean supersedes(EngagementEvent event, Current row) {
        return supersedes(event.version(), event.kind() == EngagementEvent.Kind.CANCELLED, event.eventId(),
            row.version(), row.cancelled(), row.eventId());
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
