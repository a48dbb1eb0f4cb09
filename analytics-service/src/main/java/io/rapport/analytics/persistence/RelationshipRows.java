package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.rapport.analytics.model.StoredRelationship;

/**
 * The {@code relationship} table, one row per contact, written by the folds in their transactions.
 * Rows are created on first sight (a contact named by an engagement before rapport.contacts.v1 told of
 * it is not listed until it does) and locked in contact-id order.
 */
public final class RelationshipRows {

    static final String COLUMNS = "contact_id, business_unit_id, listed, counted, frame, s_sum, s_comp, slices, given_micros,"
        + " received_micros, sentiment_sum, sentiment_count, last_activity_at, last_touch_at, created_at, cadence_days";

    private RelationshipRows() {
    }

    /** The rows of these contacts, created when missing, locked in contact-id order. */
    public static Map<UUID, StoredRelationship> lock(Connection c, Collection<UUID> contactIds, long halfLifeSeconds)
        throws SQLException {
        Map<UUID, StoredRelationship> rows = new TreeMap<>();
        if (contactIds.isEmpty()) {
            return rows;
        }
        Object[] ids = new TreeSet<>(contactIds).toArray();
        try (PreparedStatement s = c.prepareStatement("insert into relationship (contact_id) select id from"
            + " unnest(?::uuid[]) as t(id) order by id on conflict do nothing")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from relationship"
            + " where contact_id = any(?::uuid[]) order by contact_id for update")) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredRelationship r = row(rs, halfLifeSeconds);
                    rows.put(r.contactId(), r);
                }
            }
        }
        return rows;
    }

    /** A row of a query selecting {@link #COLUMNS} first. */
    public static StoredRelationship row(ResultSet rs, long halfLifeSeconds) throws SQLException {
        int cadence = rs.getInt(16);
        Integer cadenceDays = rs.wasNull() ? null : cadence;
        return new StoredRelationship(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3),
            rs.getBoolean(4), halfLifeSeconds, rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getLong(9),
            rs.getLong(10), rs.getLong(11), rs.getLong(12), instant(rs, 13), instant(rs, 14), instant(rs, 15), cadenceDays);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Writes the rows back (they exist: {@link #lock} created them). */
    public static void write(Connection c, Collection<StoredRelationship> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<StoredRelationship> list = List.copyOf(rows);
        int n = list.size();
        Object[][] v = new Object[18][n];
        for (int i = 0; i < n; i++) {
            StoredRelationship r = list.get(i);
            v[0][i] = r.contactId();
            v[1][i] = r.businessUnitId();
            v[2][i] = r.listed();
            v[3][i] = r.counted();
            v[4][i] = r.frame();
            v[5][i] = r.rawSum();
            v[6][i] = r.compensation();
            v[7][i] = r.log2Form();
            v[8][i] = r.slices();
            v[9][i] = r.givenMicros();
            v[10][i] = r.receivedMicros();
            v[11][i] = r.sentimentSum();
            v[12][i] = r.sentimentCount();
            v[13][i] = EngagementRows.text(r.lastActivityAt());
            v[14][i] = EngagementRows.text(r.lastTouchAt());
            v[15][i] = EngagementRows.text(r.createdAt());
            v[16][i] = r.cadenceDays();
            v[17][i] = EngagementRows.text(r.dueAt());
        }
        String[] types = {"uuid", "uuid", "bool", "bool", "int8", "float8", "float8", "float8", "int8", "int8", "int8", "int8",
            "int8", "text", "text", "text", "int4", "text"};
        try (PreparedStatement s = c.prepareStatement("update relationship r set business_unit_id = v.unit, listed = v.listed,"
            + " counted = v.counted, frame = v.frame, s_sum = v.s_sum, s_comp = v.s_comp, l = v.l, slices = v.slices,"
            + " given_micros = v.given, received_micros = v.received, sentiment_sum = v.ssum, sentiment_count = v.scount,"
            + " last_activity_at = v.activity, last_touch_at = v.touch, created_at = v.created, cadence_days = v.cadence,"
            + " due_at = v.due from unnest(?::uuid[], ?::uuid[], ?::bool[], ?::bool[], ?::int8[], ?::float8[], ?::float8[],"
            + " ?::float8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::timestamptz[], ?::timestamptz[],"
            + " ?::timestamptz[], ?::int4[], ?::timestamptz[]) as v(id, unit, listed, counted, frame, s_sum, s_comp, l, slices,"
            + " given, received, ssum, scount, activity, touch, created, cadence, due) where r.contact_id = v.id")) {
            for (int k = 0; k < types.length; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], v[k]));
            }
            s.executeUpdate();
        }
    }
}
