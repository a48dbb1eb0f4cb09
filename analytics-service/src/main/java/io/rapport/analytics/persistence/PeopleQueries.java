package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.analytics.model.StoredRelationship;

/**
 * The reads about people (API.md, "Stay in touch, expertise, influence"): who is overdue, who knows what,
 * where influence is. Each is an index scan bounded by the page asked for, or by the tags of the page.
 */
public final class PeopleQueries {

    /** A relationship row with what the contact row adds: owner, influence, interest, stance. */
    public record PersonRow(StoredRelationship state, String owner, String influence, String interest, String stance,
                            Instant dueAt) {
    }

    /** A tag with how many ACTIVE contacts hold it. */
    public record TagRow(String tag, int holders) {
    }

    private static final String PERSON = "select r." + RelationshipRows.COLUMNS.replace(", ", ", r.")
        + ", c.owner_email, c.influence, c.interest, c.stance, r.due_at from relationship r join contact c on c.id = r.contact_id";

    private PeopleQueries() {
    }

    private static List<PersonRow> persons(PreparedStatement s, long h) throws SQLException {
        List<PersonRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(person(rs, h));
            }
        }
        return rows;
    }

    /** The current row of a query selecting {@link #PERSON}'s columns first. */
    private static PersonRow person(ResultSet rs, long h) throws SQLException {
        Timestamp due = rs.getTimestamp(21);
        return new PersonRow(RelationshipRows.row(rs, h), rs.getString(17), rs.getString(18), rs.getString(19),
            rs.getString(20), due == null ? null : due.toInstant());
    }

    private static long count(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int bind(PreparedStatement s, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            s.setObject(i++, a);
        }
        return i;
    }

    // ---- stay in touch

    /** ACTIVE contacts due before {@code now}, most overdue first (ties by contact id). */
    public static List<PersonRow> overdue(Connection c, Instant now, UUID unit, String owner, int limit, long offset, long h)
        throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = overdueWhere(now, unit, owner, args);
        try (PreparedStatement s = c.prepareStatement(PERSON + where + " order by r.due_at, r.contact_id limit ? offset ?")) {
            int i = bind(s, args);
            s.setInt(i++, limit);
            s.setLong(i, offset);
            return persons(s, h);
        }
    }

    public static long countOverdue(Connection c, Instant now, UUID unit, String owner) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = overdueWhere(now, unit, owner, args);
        // without the owner filter the contact row adds nothing (a counted row's contact is known): an index-only count
        String from = owner == null ? "select count(*) from relationship r" : "select count(*) from relationship r join contact c"
            + " on c.id = r.contact_id";
        try (PreparedStatement s = c.prepareStatement(from + where)) {
            bind(s, args);
            return count(s);
        }
    }

    private static String overdueWhere(Instant now, UUID unit, String owner, List<Object> args) {
        StringBuilder w = new StringBuilder(" where r.counted and r.due_at < ?");
        args.add(Timestamp.from(now));
        if (unit != null) {
            w.append(" and r.business_unit_id = ?");
            args.add(unit);
        }
        if (owner != null) {
            w.append(" and lower(c.owner_email) = lower(?)");
            args.add(owner);
        }
        return w.toString();
    }

    // ---- expertise

    /** Tags starting with {@code prefix} held by at least one ACTIVE contact, in tag order. */
    public static List<TagRow> tags(Connection c, String prefix, int limit, long offset) throws SQLException {
        List<TagRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select tag, holders from expertise_tag where holders > 0 and tag like ?"
            + " order by tag limit ? offset ?")) {
            s.setString(1, like(prefix));
            s.setInt(2, limit);
            s.setLong(3, offset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TagRow(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return rows;
    }

    public static long countTags(Connection c, String prefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from expertise_tag where holders > 0 and tag like ?")) {
            s.setString(1, like(prefix));
            return count(s);
        }
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Per tag, its {@code perTag} strongest ACTIVE holders, strongest first (ties by contact id). */
    public static Map<String, List<PersonRow>> strongestHolders(Connection c, List<String> tags, int perTag, long h)
        throws SQLException {
        Map<String, List<PersonRow>> result = new LinkedHashMap<>();
        tags.forEach(t -> result.put(t, new ArrayList<>()));
        if (tags.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("select x.*, t.tag from unnest(?::varchar[]) as t(tag) cross join lateral ("
            + PERSON + " join contact_expertise e on e.contact_id = r.contact_id where e.tag = t.tag and r.listed and r.counted"
            + " order by r.l desc nulls last, r.contact_id limit ?) x")) {
            s.setArray(1, c.createArrayOf("varchar", tags.toArray()));
            s.setInt(2, perTag);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.get(rs.getString(22)).add(person(rs, h));
                }
            }
        }
        return result;
    }

    /** Per tag, its ACTIVE holders at least {@code warmL} (WARM or better now). */
    public static Map<String, Integer> warmHolders(Connection c, List<String> tags, double warmL) throws SQLException {
        Map<String, Integer> result = new HashMap<>();
        if (tags.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("select e.tag, count(*) from relationship r join contact_expertise e"
            + " on e.contact_id = r.contact_id where r.listed and r.counted and r.l >= ? and e.tag = any(?::varchar[])"
            + " group by e.tag")) {
            s.setDouble(1, warmL);
            s.setArray(2, c.createArrayOf("varchar", tags.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return result;
    }

    /**
     * Tags whose ACTIVE holders are all below {@code warmL} (COLD or COOL now), in tag order, each with its
     * strongest holder. The tags with a warm holder are found from the warm relationships (a range of the
     * strength index), so the cost follows the warm contacts, not the whole population.
     */
    public static List<Map.Entry<TagRow, PersonRow>> expertiseGaps(Connection c, double warmL, long h) throws SQLException {
        List<Map.Entry<TagRow, PersonRow>> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("with warm as (select distinct e.tag from relationship r join"
            + " contact_expertise e on e.contact_id = r.contact_id where r.listed and r.counted and r.l >= ?)"
            + " select x.*, t.tag, t.holders from expertise_tag t cross join lateral (" + PERSON
            + " join contact_expertise e on e.contact_id = r.contact_id where e.tag = t.tag and r.listed and r.counted"
            + " order by r.l desc nulls last, r.contact_id limit 1) x"
            + " where t.holders > 0 and not exists (select 1 from warm w where w.tag = t.tag) order by t.tag")) {
            s.setDouble(1, warmL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(Map.entry(new TagRow(rs.getString(22), rs.getInt(23)), person(rs, h)));
                }
            }
        }
        return result;
    }

    // ---- influence

    /**
     * The stakeholder map's contacts: ACTIVE ones holding an open stakeholder role on {@code projectCode}
     * when given; else every ACTIVE contact assessed (influence or interest) or holding an open role.
     * Strongest first.
     */
    public static List<PersonRow> stakeholderMap(Connection c, UUID unit, String projectCode, LocalDate today, Integer limit,
        long offset, long h) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = mapWhere(unit, projectCode, today, args);
        try (PreparedStatement s = c.prepareStatement(PERSON + where + " order by r.l desc nulls last, r.contact_id"
            + (limit == null ? "" : " limit " + limit + " offset " + offset))) {
            bind(s, args);
            return persons(s, h);
        }
    }

    public static long countStakeholderMap(Connection c, UUID unit, String projectCode, LocalDate today) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = mapWhere(unit, projectCode, today, args);
        try (PreparedStatement s = c.prepareStatement("select count(*) from relationship r join contact c on c.id = r.contact_id"
            + where)) {
            bind(s, args);
            return count(s);
        }
    }

    private static String mapWhere(UUID unit, String projectCode, LocalDate today, List<Object> args) {
        StringBuilder w = new StringBuilder(" where r.listed and r.counted");
        if (projectCode != null) {
            w.append(" and exists (select 1 from stakeholder_role s where s.contact_id = r.contact_id and s.project_code = ?"
                + " and not s.ended and (s.end_date is null or s.end_date >= ?))");
            args.add(projectCode);
            args.add(today);
        } else {
            w.append(" and (c.influence is not null or c.interest is not null or c.stakeholder_until >= ?)");
            args.add(today);
        }
        if (unit != null) {
            w.append(" and r.business_unit_id = ?");
            args.add(unit);
        }
        return w.toString();
    }

    /**
     * ACTIVE contacts with HIGH influence below {@code warmL}, or a SCEPTIC or RESISTOR stance: highest
     * influence first, then weakest first (ties by contact id).
     */
    public static List<PersonRow> influenceGaps(Connection c, double warmL, int limit, long offset, long h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PERSON + INFLUENCE_GAP + " order by case c.influence when 'HIGH' then 3"
            + " when 'MEDIUM' then 2 when 'LOW' then 1 else 0 end desc, r.l asc nulls first, r.contact_id limit ? offset ?")) {
            s.setDouble(1, warmL);
            s.setInt(2, limit);
            s.setLong(3, offset);
            return persons(s, h);
        }
    }

    public static long countInfluenceGaps(Connection c, double warmL) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from relationship r join contact c on c.id = r.contact_id"
            + INFLUENCE_GAP)) {
            s.setDouble(1, warmL);
            return count(s);
        }
    }

    private static final String INFLUENCE_GAP = " where r.listed and r.counted and ((c.influence = 'HIGH' and (r.l is null or r.l < ?))"
        + " or c.stance in ('SCEPTIC', 'RESISTOR'))";
}
