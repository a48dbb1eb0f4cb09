package io.rapport.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AttendanceTallyTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();

    @Test
    void missedInARowCountsFromTheLatestOccurrenceBack() {
        // oldest first: Ben missed one, came once, then missed the last three
        List<Set<UUID>> occurrences = List.of(Set.of(ANN), Set.of(ANN, BEN), Set.of(ANN), Set.of(ANN), Set.of());
        AttendanceTally ben = AttendanceTally.of(BEN, occurrences);
        assertEquals(3, ben.missedInARow(), "the three latest, not the earlier miss before he came");
        assertEquals(0, ben.streak());
        assertEquals(1, ben.attended());
        assertEquals(5, ben.held());
        assertEquals(0.2, ben.rate());

        AttendanceTally ann = AttendanceTally.of(ANN, occurrences);
        assertEquals(1, ann.missedInARow(), "only the latest, which nobody attended");
        assertEquals(0, ann.streak());
    }

    @Test
    void attendingTheLatestMeansNoneMissedInARow() {
        List<Set<UUID>> occurrences = List.of(Set.of(), Set.of(), Set.of(BEN), Set.of(BEN));
        AttendanceTally ben = AttendanceTally.of(BEN, occurrences);
        assertEquals(0, ben.missedInARow());
        assertEquals(2, ben.streak());
    }

    @Test
    void aMemberWhoNeverCameMissedEveryOccurrenceAndNoneHeldIsZero() {
        assertEquals(4, AttendanceTally.of(ANN, List.of(Set.of(BEN), Set.of(BEN), Set.of(), Set.of(BEN))).missedInARow());
        AttendanceTally none = AttendanceTally.of(ANN, List.of());
        assertEquals(0, none.missedInARow());
        assertEquals(0, none.held());
        assertEquals(0.0, none.rate());
    }
}
