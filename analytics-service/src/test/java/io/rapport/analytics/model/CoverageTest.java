package io.rapport.analytics.model;

import static io.rapport.analytics.model.Fixtures.P;
import static io.rapport.analytics.model.Fixtures.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void noisyOrCombinesContacts() {
        assertEquals(75.0, Coverage.noisyOr(List.of(50.0, 50.0)), 1e-12);
        assertEquals(100 * (1 - 0.8 * 0.8 * 0.8), Coverage.noisyOr(List.of(20.0, 20.0, 20.0)), 1e-12);
        assertEquals(0.0, Coverage.noisyOr(List.of()), 0.0);
        assertEquals(63.2, Coverage.noisyOr(List.of(63.2)), 0.0);
        assertEquals(100.0, Coverage.noisyOr(List.of(100.0, 10.0)), 0.0);
        assertEquals(100.0, Coverage.noisyOr(List.of(120.0)), 0.0, "clamped");
    }

    @Test
    void neverBelowTheStrongestContactNorAboveOneHundred() {
        Random rnd = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            List<Double> scores = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            double max = 0;
            for (int j = 0; j < n; j++) {
                double s = rnd.nextDouble() * 100;
                scores.add(s);
                max = Math.max(max, s);
            }
            double u = Coverage.noisyOr(scores);
            assertTrue(u >= max && u <= 100.0, scores + " -> " + u);
        }
    }

    @Test
    void unitCoverageFlagsGapsAndSinglePoints() {
        UUID a = uuid(1);
        UUID b = uuid(2);
        UUID c = uuid(3);
        Map<UUID, Double> gap = new LinkedHashMap<>();
        gap.put(a, 30.0);
        gap.put(b, 44.9);
        Coverage.UnitCoverage g = Coverage.of(gap, P);
        assertEquals(0, g.warmContacts());
        assertTrue(g.gap());
        assertFalse(g.singlePoint());
        assertEquals(b, g.strongestContactId());
        assertEquals(100 * (1 - 0.7 * 0.551), g.strength(), 1e-9);

        Map<UUID, Double> single = new LinkedHashMap<>(gap);
        single.put(c, 45.0); // exactly the WARM threshold
        Coverage.UnitCoverage s = Coverage.of(single, P);
        assertEquals(1, s.warmContacts());
        assertFalse(s.gap());
        assertTrue(s.singlePoint());
        assertEquals(c, s.strongestContactId());

        Map<UUID, Double> two = new LinkedHashMap<>();
        two.put(c, 80.0);
        two.put(a, 80.0);
        Coverage.UnitCoverage t = Coverage.of(two, P);
        assertEquals(2, t.warmContacts());
        assertFalse(t.singlePoint());
        assertEquals(a, t.strongestContactId(), "ties go to the lowest id");

        Coverage.UnitCoverage none = Coverage.of(Map.of(), P);
        assertEquals(0.0, none.strength());
        assertNull(none.strongestContactId());
        assertTrue(none.gap());
    }
}
