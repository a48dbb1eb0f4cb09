package io.rapport.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A member's attendance over a forum's occurrences (oldest first, cancelled ones already left out):
 * attended, held, rate (two decimals, 0 when none was held), {@code streak} (occurrences in a row attended,
 * counting back from the latest) and {@code missedInARow} (occurrences in a row missed, counting back from
 * the latest). One of streak and missedInARow is always 0.
 */
public record AttendanceTally(UUID contactId, int attended, int held, double rate, int streak, int missedInARow) {

    /** @param attendeesByOccurrence each occurrence's attendees, oldest occurrence first */
    public static AttendanceTally of(UUID member, List<Set<UUID>> attendeesByOccurrence) {
        int held = attendeesByOccurrence.size();
        int attended = (int) attendeesByOccurrence.stream().filter(s -> s.contains(member)).count();
        int streak = 0;
        int missed = 0;
        for (int i = held - 1; i >= 0 && attendeesByOccurrence.get(i).contains(member); i--) {
            streak++;
        }
        for (int i = held - 1; i >= 0 && !attendeesByOccurrence.get(i).contains(member); i--) {
            missed++;
        }
        double rate = held == 0 ? 0 : BigDecimal.valueOf(attended)
            .divide(BigDecimal.valueOf(held), 2, RoundingMode.HALF_UP).doubleValue();
        return new AttendanceTally(member, attended, held, rate, streak, missed);
    }
}
