package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.rapport.analytics.model.StoredUnit;
import io.rapport.analytics.model.ValueDelta;

/**
 * The per-unit aggregates every fold transaction updates last: {@code unit_strength} and the value
 * roll-ups {@code unit_value_day} / {@code unit_value_month}. Many transactions touch the same units,
 * so they are serialised by one transaction-scoped advisory lock taken just before ({@link #lock}) and
 * held only until commit; nothing else is locked after it, so it cannot close a cycle.
 */
public final class UnitRows {

    /** Key of the advisory lock that serialises the per-unit aggregate updates. */
    static final long UNIT_AGGREGATES = 0x52617070_556e6974L;

    private UnitRows() {
    }

    /** Takes the aggregates lock (until commit). */
    public static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(" + UNIT_AGGREGATES + ")")) {
            s.execute();
        }
    }

    /** The stored sums of these units (absent units empty). Call after {@link #lock}. */
    public static Map<UUID, StoredUnit> load(Connection c, Collection<UUID> units, long halfLifeSeconds) throws SQLException {
        Map<UUID, StoredUnit> result = new TreeMap<>();
        for (UUID u : units) {
            result.put(u, StoredUnit.empty(u, halfLifeSeconds));
        }
        if (units.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = c.prepareStatement("select business_unit_id, frame, s_sum, s_comp, contacts from unit_strength"
            + " where business_unit_id = any(?::uuid[])")) {
            s.setArray(1, c.createArrayOf("uuid", units.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    result.put(id, new StoredUnit(id, halfLifeSeconds, rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5)));
                }
            }
        }
        return result;
    }

    public static void write(Connection c, Collection<StoredUnit> units) throws SQLException {
        if (units.isEmpty()) {
            return;
        }
        List<StoredUnit> list = List.copyOf(units);
        int n = list.size();
        Object[][] v = new Object[5][n];
        for (int i = 0; i < n; i++) {
            StoredUnit u = list.get(i);
            v[0][i] = u.businessUnitId();
            v[1][i] = u.frame();
            v[2][i] = u.rawSum();
            v[3][i] = u.compensation();
            v[4][i] = u.contacts();
        }
        try (PreparedStatement s = c.prepareStatement("insert into unit_strength (business_unit_id, frame, s_sum, s_comp, contacts)"
            + " select * from unnest(?::uuid[], ?::int8[], ?::float8[], ?::float8[], ?::int4[]) on conflict (business_unit_id)"
            + " do update set frame = excluded.frame, s_sum = excluded.s_sum, s_comp = excluded.s_comp,"
            + " contacts = excluded.contacts")) {
            String[] types = {"uuid", "int8", "float8", "float8", "int4"};
            for (int k = 0; k < 5; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], v[k]));
            }
            s.executeUpdate();
        }
    }

    /** Adds the changes of each tag's ACTIVE holders ({@code expertise_tag}), in tag order. Call after {@link #lock}. */
    public static void addTagHolders(Connection c, Map<String, Integer> deltas) throws SQLException {
        Map<String, Integer> sorted = new TreeMap<>(deltas);
        sorted.values().removeIf(n -> n == 0);
        if (sorted.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into expertise_tag as t (tag, holders) select * from"
            + " unnest(?::varchar[], ?::int4[]) on conflict (tag) do update set holders = t.holders + excluded.holders")) {
            s.setArray(1, c.createArrayOf("varchar", sorted.keySet().toArray()));
            s.setArray(2, c.createArrayOf("int4", sorted.values().toArray()));
            s.executeUpdate();
        }
    }

    /** Adds the value changes to the day and month roll-ups. Call after {@link #lock}. */
    public static void addValues(Connection c, ValueDelta delta) throws SQLException {
        upsert(c, "unit_value_day", "day", delta.days());
        upsert(c, "unit_value_month", "month", delta.months());
    }

    private static void upsert(Connection c, String table, String keyColumn, Map<ValueDelta.Key, ValueDelta.Totals> rows)
        throws SQLException {
        Map<ValueDelta.Key, ValueDelta.Totals> changed = new TreeMap<>();
        rows.forEach((k, t) -> {
            if (!t.isZero()) {
                changed.put(k, t);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        Object[][] v = new Object[7][n];
        int i = 0;
        for (Map.Entry<ValueDelta.Key, ValueDelta.Totals> e : changed.entrySet()) {
            ValueDelta.Totals t = e.getValue();
            v[0][i] = e.getKey().day().toString();
            v[1][i] = e.getKey().businessUnitId();
            v[2][i] = t.givenMicros;
            v[3][i] = t.receivedMicros;
            v[4][i] = t.mutualMicros;
            StringBuilder types = new StringBuilder("{");
            for (int k = 0; k < t.byType.length; k++) {
                types.append(k == 0 ? "" : ",").append(t.byType[k]);
            }
            v[5][i] = types.append('}').toString();
            v[6][i] = t.secondeeDays;
            i++;
        }
        try (PreparedStatement s = c.prepareStatement("insert into " + table + " as u (" + keyColumn + ", business_unit_id,"
            + " given_micros, received_micros, mutual_micros, by_type, secondee_days) select v.k::date, v.unit, v.given,"
            + " v.received, v.mutual, v.types::int4[], v.secondee from unnest(?::text[], ?::uuid[], ?::int8[], ?::int8[],"
            + " ?::int8[], ?::text[], ?::int8[]) as v(k, unit, given, received, mutual, types, secondee)"
            + " on conflict (" + keyColumn + ", business_unit_id) do update set given_micros = u.given_micros + excluded.given_micros,"
            + " received_micros = u.received_micros + excluded.received_micros,"
            + " mutual_micros = u.mutual_micros + excluded.mutual_micros,"
            + " by_type = array(select coalesce(a, 0) + coalesce(b, 0) from unnest(u.by_type, excluded.by_type)"
            + " with ordinality as x(a, b, i) order by i),"
            + " secondee_days = u.secondee_days + excluded.secondee_days")) {
            String[] types = {"text", "uuid", "int8", "int8", "int8", "text", "int8"};
            for (int k = 0; k < 7; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], v[k]));
            }
            s.executeUpdate();
        }
    }
}
