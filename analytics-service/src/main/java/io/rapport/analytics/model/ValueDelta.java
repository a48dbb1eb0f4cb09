package io.rapport.analytics.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Changes to the value roll-ups: per unit and per day (and month) an engagement started on, the effort
 * by direction (micro-hours), the engagements by type and the secondee days of contributing (ACTIVE,
 * COMPLETED) engagements. An engagement counts once for each unit among its participants. The fold adds
 * a state's values and subtracts its previous state's; the value report sums the days and months of its
 * period.
 */
public final class ValueDelta {

    /** A roll-up key: a day (or the first day of a month) and a unit. */
    public record Key(LocalDate day, UUID businessUnitId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : businessUnitId.compareTo(o.businessUnitId);
        }
    }

    /** The values of one key. */
    public static final class Totals {
        public long givenMicros;
        public long receivedMicros;
        public long mutualMicros;
        public final int[] byType = new int[EngagementType.values().length];
        public long secondeeDays;

        void add(EngagementSnapshot e, int sign) {
            long micros = Slice.micros(e.hours()) * sign;
            switch (e.direction()) {
                case PMO_GAVE -> givenMicros += micros;
                case PMO_RECEIVED -> receivedMicros += micros;
                case MUTUAL -> mutualMicros += micros;
            }
            byType[e.type().ordinal()] += sign;
            secondeeDays += secondeeDays(e) * sign;
        }

        public boolean isZero() {
            if (givenMicros != 0 || receivedMicros != 0 || mutualMicros != 0 || secondeeDays != 0) {
                return false;
            }
            for (int n : byType) {
                if (n != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<Key, Totals> days = new TreeMap<>();
    private final Map<Key, Totals> months = new TreeMap<>();

    /**
     * Adds ({@code sign} 1) or takes back ({@code sign} −1) an engagement state for the given units (its
     * participants' units; nulls and repeats ignored). Non-contributing states count for nothing.
     */
    public void add(EngagementSnapshot e, Collection<UUID> units, int sign) {
        if (!e.status().contributes()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(e.startAt(), ZoneOffset.UTC);
        LocalDate month = day.withDayOfMonth(1);
        for (UUID unit : new LinkedHashSet<>(units)) {
            if (unit != null) {
                days.computeIfAbsent(new Key(day, unit), k -> new Totals()).add(e, sign);
                months.computeIfAbsent(new Key(month, unit), k -> new Totals()).add(e, sign);
            }
        }
    }

    /** Calendar days of a SECONDMENT, start to end of its activity inclusive; 0 otherwise. */
    public static long secondeeDays(EngagementSnapshot e) {
        if (e.type() != EngagementType.SECONDMENT || !e.activityEnd().isAfter(e.startAt())) {
            return 0;
        }
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(e.startAt(), ZoneOffset.UTC),
            LocalDate.ofInstant(e.activityEnd(), ZoneOffset.UTC)) + 1;
    }

    public Map<Key, Totals> days() {
        return days;
    }

    public Map<Key, Totals> months() {
        return months;
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }
}
