package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.rapport.analytics.model.StoredRelationship;

/**
 * The relationship reads, each an index scan on the stored rows: the list (ordered by the log-form
 * strength {@code l}, or by the latest activity), one contact, and the per-contact details of the
 * items of a page (the participant rows of their recent engagements).
 */
public final class RelationshipQueries {

    /** A listed contact's stored state with what the reads show of the contact. */
    public record Row(StoredRelationship state, String owner, LocalDate stakeholderUntil) {
    }

    /**
     * The list's filters and order. {@code minL}/{@code maxL}: a band as a range of {@code l} (null: open);
     * {@code includeZero}: contacts with strength 0 (null {@code l}) are in the band (COLD).
     */
    public record ListQuery(UUID businessUnitId, String owner, Boolean stakeholder, LocalDate today, Double minL, Double maxL,
                            boolean includeZero, boolean byLastActivity, boolean ascending, int page, int size) {
    }

    /** A participant row of a recent engagement: the engagement and the end of its activity. */
    public record Recent(UUID engagementId, Instant activityEnd) {
    }

    private static final String SELECT = "select r." + RelationshipRows.COLUMNS.replace(", ", ", r.")
        + ", c.owner_email, c.stakeholder_until from relationship r join contact c on c.id = r.contact_id";

    private RelationshipQueries() {
    }

    public static Optional<Row> one(Connection c, UUID contactId, long halfLifeSeconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " where r.contact_id = ? and r.listed")) {
            s.setObject(1, contactId);
            List<Row> rows = rows(s, halfLifeSeconds);
            return rows.stream().findFirst();
        }
    }

    /** Rows of the given contacts (listed ones), in no particular order. */
    public static List<Row> some(Connection c, Collection<UUID> contactIds, long halfLifeSeconds) throws SQLException {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement(SELECT + " where r.contact_id = any(?::uuid[]) and r.listed")) {
            s.setArray(1, c.createArrayOf("uuid", contactIds.toArray()));
            return rows(s, halfLifeSeconds);
        }
    }

    /** One page of the list. */
    public static List<Row> page(Connection c, ListQuery q, long halfLifeSeconds) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        String order = q.byLastActivity()
            ? (q.ascending() ? "r.last_activity_at asc nulls first, r.contact_id" : "r.last_activity_at desc nulls last, r.contact_id")
            : (q.ascending() ? "r.l asc nulls first, r.contact_id desc" : "r.l desc nulls last, r.contact_id");
        try (PreparedStatement s = c.prepareStatement(SELECT + where + " order by " + order + " limit ? offset ?")) {
            int i = bind(s, args);
            s.setInt(i++, q.size());
            s.setLong(i, (long) q.page() * q.size());
            return rows(s, halfLifeSeconds);
        }
    }

    /** How many rows the list has in all. */
    public static long count(Connection c, ListQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        String from = q.owner() == null && q.stakeholder() == null
            ? "select count(*) from relationship r" : "select count(*) from relationship r join contact c on c.id = r.contact_id";
        try (PreparedStatement s = c.prepareStatement(from + where)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(ListQuery q, List<Object> args) {
        StringBuilder w = new StringBuilder(" where r.listed");
        if (q.businessUnitId() != null) {
            w.append(" and r.business_unit_id = ?");
            args.add(q.businessUnitId());
        }
        if (q.owner() != null) {
            w.append(" and lower(c.owner_email) = lower(?)");
            args.add(q.owner());
        }
        if (q.stakeholder() != null) {
            w.append(q.stakeholder() ? " and c.stakeholder_until >= ?" : " and (c.stakeholder_until is null or c.stakeholder_until < ?)");
            args.add(q.today());
        }
        if (q.minL() != null || q.maxL() != null) {
            StringBuilder range = new StringBuilder();
            if (q.minL() != null) {
                range.append("r.l >= ?");
                args.add(q.minL());
            }
            if (q.maxL() != null) {
                range.append(range.length() > 0 ? " and " : "").append("r.l < ?");
                args.add(q.maxL());
            }
            w.append(q.includeZero() ? " and (r.l is null or (" + range + "))" : " and " + range);
        }
        return w.toString();
    }

    private static int bind(PreparedStatement s, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            s.setObject(i++, a);
        }
        return i;
    }

    static List<Row> rows(PreparedStatement s, long halfLifeSeconds) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                java.sql.Date until = rs.getDate(18);
                rows.add(new Row(RelationshipRows.row(rs, halfLifeSeconds), rs.getString(17), until == null ? null : until.toLocalDate()));
            }
        }
        return rows;
    }

    /**
     * Per contact, the contributing engagements started by {@code now} whose activity reaches past
     * {@code since} (for frequency90d and the trend), from the participant index.
     */
    public static Map<UUID, List<Recent>> recent(Connection c, Collection<UUID> contactIds, Instant since, Instant now)
        throws SQLException {
        Map<UUID, List<Recent>> result = new HashMap<>();
        if (contactIds.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("select contact_id, engagement_id, activity_end from engagement_participant"
            + " where contact_id = any(?::uuid[]) and activity_end > ? and contributes and start_at <= ?")) {
            s.setArray(1, c.createArrayOf("uuid", contactIds.toArray()));
            s.setTimestamp(2, Timestamp.from(since));
            s.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Recent(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return result;
    }

    /** The contact's latest engagements by start (non-cancelled, planned ones included), newest first, ties by id. */
    public static List<UUID> latestEngagements(Connection c, UUID contactId, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select engagement_id from engagement_participant where contact_id = ?"
            + " order by start_at desc, engagement_id limit ?")) {
            s.setObject(1, contactId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Every engagement of the contact (non-cancelled), for a read at a past instant. */
    public static List<UUID> allEngagements(Connection c, UUID contactId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select engagement_id from engagement_participant where contact_id = ?")) {
            s.setObject(1, contactId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }
}
