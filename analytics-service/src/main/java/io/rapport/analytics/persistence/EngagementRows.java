package io.rapport.analytics.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;

/**
 * The {@code engagement} table, with set-based statements (arrays and {@code unnest}): a fixed number
 * of statements per batch, whatever its size. Rows are locked in id order, so two folds and the
 * due-slice job never wait on each other in a cycle.
 */
public final class EngagementRows {

    private static final String COLUMNS = "id, version, event_id, cancelled, type, status, start_at, end_at, direction,"
        + " effort_hours, sentiment, completed_at, participant_ids, participant_units, credited_until, next_due_at";
    private static final String UNNEST = "unnest(?::uuid[], ?::int8[], ?::varchar[], ?::bool[], ?::varchar[], ?::varchar[],"
        + " ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::float8[], ?::int4[], ?::timestamptz[], ?::text[], ?::text[],"
        + " ?::timestamptz[], ?::timestamptz[])";

    private EngagementRows() {
    }

    /** The stored rows of these engagements, locked ({@code for update}, in id order). */
    public static Map<UUID, StoredEngagement> lock(Connection c, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from engagement where id = any(?::uuid[])"
            + " order by id for update")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return read(s);
        }
    }

    /** Engagements with something due at or before {@code now}, at most {@code limit}, locked; rows locked by a fold are skipped. */
    public static Map<UUID, StoredEngagement> lockDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from engagement where id in (select id from"
            + " engagement where next_due_at <= ? order by next_due_at limit ?) order by id for update skip locked")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            return read(s);
        }
    }

    /** The stored rows of these engagements, not locked (reads). */
    public static Map<UUID, StoredEngagement> find(Connection c, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from engagement where id = any(?::uuid[])")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return read(s);
        }
    }

    private static Map<UUID, StoredEngagement> read(PreparedStatement s) throws SQLException {
        Map<UUID, StoredEngagement> rows = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                StoredEngagement e = row(rs);
                rows.put(e.id(), e);
            }
        }
        return rows;
    }

    private static StoredEngagement row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        boolean cancelled = rs.getBoolean(4);
        UUID[] participants = uuids(rs.getArray(13));
        UUID[] units = uuids(rs.getArray(14));
        Map<UUID, UUID> participantUnits = new LinkedHashMap<>();
        for (int i = 0; i < participants.length; i++) {
            participantUnits.put(participants[i], i < units.length ? units[i] : null);
        }
        double effort = rs.getDouble(10);
        Double effortHours = rs.wasNull() ? null : effort;
        int sentiment = rs.getInt(11);
        Integer sentimentValue = rs.wasNull() ? null : sentiment;
        EngagementSnapshot snapshot = new EngagementSnapshot(id, EngagementType.valueOf(rs.getString(5)),
            EngagementStatus.valueOf(rs.getString(6)), instant(rs, 7), instant(rs, 8), Direction.valueOf(rs.getString(9)),
            effortHours, sentimentValue, List.of(participants), instant(rs, 12));
        return new StoredEngagement(rs.getLong(2), rs.getString(3), cancelled, snapshot, participantUnits, instant(rs, 15),
            instant(rs, 16));
    }

    private static UUID[] uuids(Array array) throws SQLException {
        if (array == null) {
            return new UUID[0];
        }
        Object[] values = (Object[]) array.getArray();
        UUID[] ids = new UUID[values.length];
        for (int i = 0; i < values.length; i++) {
            ids[i] = values[i] == null ? null : (UUID) values[i];
        }
        return ids;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Inserts new rows. */
    public static void insert(Connection c, List<StoredEngagement> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into engagement (" + COLUMNS + ") select v.c1, v.c2, v.c3, v.c4,"
            + " v.c5, v.c6, v.c7, v.c8, v.c9, v.c10, v.c11, v.c12, v.c13::uuid[], v.c14::uuid[], v.c15, v.c16 from " + UNNEST
            + " as v(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16)")) {
            bind(c, s, rows);
            s.executeUpdate();
        }
    }

    /** Replaces stored rows by newer states. */
    public static void update(Connection c, List<StoredEngagement> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("update engagement e set version = v.c2, event_id = v.c3,"
            + " cancelled = v.c4, type = v.c5, status = v.c6, start_at = v.c7, end_at = v.c8, direction = v.c9,"
            + " effort_hours = v.c10, sentiment = v.c11, completed_at = v.c12, participant_ids = v.c13::uuid[],"
            + " participant_units = v.c14::uuid[], credited_until = v.c15, next_due_at = v.c16 from " + UNNEST
            + " as v(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16) where e.id = v.c1")) {
            bind(c, s, rows);
            s.executeUpdate();
        }
    }

    /** Moves the credit horizon of rows the due-slice job advanced. */
    public static void advance(Connection c, Map<UUID, Instant[]> horizons) throws SQLException {
        if (horizons.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>();
        List<Object> credited = new ArrayList<>();
        List<Object> next = new ArrayList<>();
        horizons.forEach((id, h) -> {
            ids.add(id);
            credited.add(text(h[0]));
            next.add(text(h[1]));
        });
        try (PreparedStatement s = c.prepareStatement("update engagement e set credited_until = v.credited, next_due_at = v.next"
            + " from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) as v(id, credited, next) where e.id = v.id")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(2, c.createArrayOf("text", credited.toArray()));
            s.setArray(3, c.createArrayOf("text", next.toArray()));
            s.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement s, List<StoredEngagement> rows) throws SQLException {
        int n = rows.size();
        Object[][] v = new Object[16][n];
        for (int i = 0; i < n; i++) {
            StoredEngagement r = rows.get(i);
            EngagementSnapshot x = r.snapshot();
            v[0][i] = x.id();
            v[1][i] = r.version();
            v[2][i] = r.eventId();
            v[3][i] = r.cancelled();
            v[4][i] = x.type().name();
            v[5][i] = x.status().name();
            v[6][i] = text(x.startAt());
            v[7][i] = text(x.endAt());
            v[8][i] = x.direction().name();
            v[9][i] = x.effortHours();
            v[10][i] = x.sentiment();
            v[11][i] = text(x.completedAt());
            StringJoiner ids = new StringJoiner(",", "{", "}");
            StringJoiner units = new StringJoiner(",", "{", "}");
            for (UUID p : x.participants()) {
                ids.add(p.toString());
                UUID unit = r.participantUnits().get(p);
                units.add(unit == null ? "NULL" : unit.toString());
            }
            v[12][i] = ids.toString();
            v[13][i] = units.toString();
            v[14][i] = text(r.creditedUntil());
            v[15][i] = text(r.nextDueAt());
        }
        String[] types = {"uuid", "int8", "varchar", "bool", "varchar", "varchar", "text", "text", "varchar", "float8", "int4",
            "text", "text", "text", "text", "text"};
        for (int k = 0; k < 16; k++) {
            s.setArray(k + 1, c.createArrayOf(types[k], v[k]));
        }
    }

    static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
