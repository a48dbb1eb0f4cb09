package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code engagement_participant} table: one row per participant of every non-cancelled engagement
 * state, keyed for the per-contact reads by {@code (contact_id, activity_end)} (one index, which
 * covers start, engagement and whether it contributes). Written and deleted only by the fold, with
 * its engagement row.
 */
public final class ParticipantRows {

    /** One row: a participant of an engagement state. */
    public record Row(UUID contactId, UUID engagementId, UUID businessUnitId, Instant startAt, Instant activityEnd,
                      boolean contributes) {
    }

    /** What the reads need of a contact's engagements: its latest activity and touch. */
    public record Latest(Instant lastActivity, Instant lastTouch) {
    }

    private ParticipantRows() {
    }

    /** Deletes rows (found by contact, activity end and engagement: one index probe each). */
    public static void delete(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> contacts = new ArrayList<>();
        List<Object> ends = new ArrayList<>();
        List<Object> engagements = new ArrayList<>();
        for (Row r : rows) {
            contacts.add(r.contactId());
            ends.add(EngagementRows.text(r.activityEnd()));
            engagements.add(r.engagementId());
        }
        try (PreparedStatement s = c.prepareStatement("delete from engagement_participant p using unnest(?::uuid[],"
            + " ?::timestamptz[], ?::uuid[]) as d(contact_id, activity_end, engagement_id) where p.contact_id = d.contact_id"
            + " and p.activity_end = d.activity_end and p.engagement_id = d.engagement_id")) {
            s.setArray(1, c.createArrayOf("uuid", contacts.toArray()));
            s.setArray(2, c.createArrayOf("text", ends.toArray()));
            s.setArray(3, c.createArrayOf("uuid", engagements.toArray()));
            s.executeUpdate();
        }
    }

    public static void insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[] contacts = new Object[n];
        Object[] engagements = new Object[n];
        Object[] units = new Object[n];
        Object[] starts = new Object[n];
        Object[] ends = new Object[n];
        Object[] contributes = new Object[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            contacts[i] = r.contactId();
            engagements[i] = r.engagementId();
            units[i] = r.businessUnitId();
            starts[i] = EngagementRows.text(r.startAt());
            ends[i] = EngagementRows.text(r.activityEnd());
            contributes[i] = r.contributes();
        }
        try (PreparedStatement s = c.prepareStatement("insert into engagement_participant (contact_id, engagement_id,"
            + " business_unit_id, start_at, activity_end, contributes) select * from unnest(?::uuid[], ?::uuid[], ?::uuid[],"
            + " ?::timestamptz[], ?::timestamptz[], ?::bool[])")) {
            s.setArray(1, c.createArrayOf("uuid", contacts));
            s.setArray(2, c.createArrayOf("uuid", engagements));
            s.setArray(3, c.createArrayOf("uuid", units));
            s.setArray(4, c.createArrayOf("text", starts));
            s.setArray(5, c.createArrayOf("text", ends));
            s.setArray(6, c.createArrayOf("bool", contributes));
            s.executeUpdate();
        }
    }

    /**
     * Per contact: the latest activity end of a contributing engagement started by {@code now}, and of
     * any engagement held (the stay-in-touch clock).
     */
    public static Map<UUID, Latest> latest(Connection c, Collection<UUID> contactIds, Instant now) throws SQLException {
        Map<UUID, Latest> result = new HashMap<>();
        if (contactIds.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("select contact_id, max(activity_end) filter (where contributes and"
            + " start_at <= ?), max(activity_end) from engagement_participant where contact_id = any(?::uuid[])"
            + " group by contact_id")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("uuid", contactIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp activity = rs.getTimestamp(2);
                    Timestamp touch = rs.getTimestamp(3);
                    result.put(rs.getObject(1, UUID.class), new Latest(activity == null ? null : activity.toInstant(),
                        touch == null ? null : touch.toInstant()));
                }
            }
        }
        return result;
    }
}
