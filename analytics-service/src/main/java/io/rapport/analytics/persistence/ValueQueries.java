package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rapport.analytics.model.EngagementType;

/**
 * The value report from the roll-ups: a period is split into whole months ({@code unit_value_month}) and
 * the days of its partial first and last months ({@code unit_value_day}), so a year reads at most 12
 * month rows and 62 day rows per unit.
 */
public final class ValueQueries {

    /** Sums for one unit: micro-hours by direction, engagements per type (in {@link EngagementType} order), secondee days. */
    public record UnitSums(UUID businessUnitId, long givenMicros, long receivedMicros, long mutualMicros, long[] byType,
                           long secondeeDays) {
    }

    /** A range of days or months, inclusive, in one table. */
    public record Range(boolean months, LocalDate from, LocalDate to) {
    }

    private ValueQueries() {
    }

    /** Splits {@code [from, to]} (null: unbounded) into day and month ranges. */
    public static List<Range> split(LocalDate from, LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(1, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        List<Range> ranges = new ArrayList<>();
        if (start.isAfter(end)) {
            return ranges;
        }
        LocalDate firstFull = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
        LocalDate lastFull = end.plusDays(1).getDayOfMonth() == 1 ? end.withDayOfMonth(1) : end.withDayOfMonth(1).minusMonths(1);
        if (firstFull.isAfter(lastFull)) {
            ranges.add(new Range(false, start, end)); // within one month, or two partial ones
            return ranges;
        }
        if (start.isBefore(firstFull)) {
            ranges.add(new Range(false, start, firstFull.minusDays(1)));
        }
        ranges.add(new Range(true, firstFull, lastFull));
        LocalDate afterFull = lastFull.plusMonths(1);
        if (!afterFull.isAfter(end)) {
            ranges.add(new Range(false, afterFull, end));
        }
        return ranges;
    }

    /** Per unit with any value in the ranges, by unit id. */
    public static List<UnitSums> sums(Connection c, List<Range> ranges, UUID businessUnitId) throws SQLException {
        List<UnitSums> result = new ArrayList<>();
        if (ranges.isEmpty()) {
            return result;
        }
        int types = EngagementType.values().length;
        StringBuilder columns = new StringBuilder("business_unit_id, sum(given_micros), sum(received_micros),"
            + " sum(mutual_micros), sum(secondee_days)");
        for (int t = 1; t <= types; t++) {
            columns.append(", sum(coalesce(by_type[").append(t).append("], 0))");
        }
        StringBuilder union = new StringBuilder();
        for (Range r : ranges) {
            union.append(union.length() == 0 ? "" : " union all ").append("select * from ")
                .append(r.months() ? "unit_value_month where month" : "unit_value_day where day").append(" between ? and ?")
                .append(businessUnitId == null ? "" : " and business_unit_id = ?");
        }
        String sql = "select " + columns + " from (" + union + ") v group by business_unit_id order by business_unit_id";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int k = 1;
            for (Range r : ranges) {
                s.setObject(k++, r.from());
                s.setObject(k++, r.to());
                if (businessUnitId != null) {
                    s.setObject(k++, businessUnitId);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long[] byType = new long[types];
                    boolean any = false;
                    for (int t = 0; t < types; t++) {
                        byType[t] = rs.getLong(6 + t);
                        any |= byType[t] != 0;
                    }
                    if (any) {
                        result.add(new UnitSums(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4), byType,
                            rs.getLong(5)));
                    }
                }
            }
        }
        return result;
    }
}
