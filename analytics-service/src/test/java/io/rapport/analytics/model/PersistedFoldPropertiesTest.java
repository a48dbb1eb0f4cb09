package io.rapport.analytics.model;

import static io.rapport.analytics.model.Fixtures.assertRelClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.model.HistoryGenerator.History;

/**
 * The properties of the model, against the persisted path: the rows the fold stores (one per contact,
 * one per unit, credited slice by slice as they fall due) evaluated as the service evaluates them
 * ({@link InMemoryReadModel}: the service's own fold plan, row classes and evaluation, with maps for
 * tables). Seeded like {@link RelationshipModelPropertiesTest} ({@code -Drapport.properties.tries},
 * {@code -Drapport.properties.seed}).
 */
class PersistedFoldPropertiesTest {

    private static final double REL = 1e-9;

    static java.util.stream.LongStream seeds() {
        return RelationshipModelPropertiesTest.seeds();
    }

    /** What the consumer hands the fold for a model event: the state after it, each participant's unit. */
    private static List<EngagementChange> changes(History h, List<EngagementEvent> events, Map<UUID, UUID> unitOf) {
        Map<UUID, EngagementSnapshot> lastState = new HashMap<>();
        for (EngagementEvent e : h.events()) {
            if (e.engagement() != null) {
                lastState.put(e.engagementId(), e.engagement());
            }
        }
        List<EngagementChange> changes = new ArrayList<>();
        for (EngagementEvent e : events) {
            EngagementSnapshot s = e.engagement() != null ? e.engagement()
                : lastState.get(e.engagementId()).withStatus(EngagementStatus.CANCELLED);
            Map<UUID, UUID> units = new HashMap<>();
            s.participants().forEach(p -> units.put(p, unitOf.get(p)));
            changes.add(new EngagementChange(e, s, units));
        }
        return changes;
    }

    /** Folds the changes in random batches, each transaction at {@code now}. */
    private static void foldInBatches(InMemoryReadModel store, List<EngagementChange> changes, Instant now, HistoryGenerator g) {
        int i = 0;
        while (i < changes.size()) {
            int n = 1 + g.random().nextInt(8);
            store.fold(changes.subList(i, Math.min(changes.size(), i + n)), now);
            i += n;
        }
    }

    private static Map<UUID, UUID> units(History h, HistoryGenerator g) {
        List<UUID> units = List.of(g.uuid(), g.uuid());
        Map<UUID, UUID> unitOf = new HashMap<>();
        h.contacts().forEach(c -> unitOf.put(c, units.get(g.random().nextInt(2))));
        return unitOf;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static RelationshipModel model(History h, List<EngagementEvent> events) {
        RelationshipModel m = new RelationshipModel(h.params());
        m.applyAll(events);
        return m;
    }

    private static void assertSame(RelationshipScore expected, RelationshipScore actual, ScoringParameters p, String ctx) {
        assertRelClose(expected.strength(), actual.strength(), REL, ctx + " strength");
        assertRelClose(expected.score(), actual.score(), REL, ctx + " score");
        assertEquals(expected.trend(), actual.trend(), 100 * REL, ctx + " trend");
        boolean atAnEdge = false;
        for (double t : new double[] {p.coolThreshold(), p.warmThreshold(), p.strongThreshold()}) {
            atAnEdge |= Math.abs(expected.score() - t) < 1e-7;
        }
        if (!atAnEdge) {
            assertEquals(expected.band(), actual.band(), ctx + " band");
            assertEquals(expected.nextBand(), actual.nextBand(), ctx + " nextBand");
            if (expected.dropsAt() != null) {
                assertTrue(Math.abs(Duration.between(expected.dropsAt(), actual.dropsAt()).toMillis()) <= 1000,
                    ctx + " dropsAt " + expected.dropsAt() + " vs " + actual.dropsAt());
            }
        }
        assertEquals(expected.factors(), actual.factors(), ctx + " factors");
        assertEquals(expected.lastEngagementAt(), actual.lastEngagementAt(), ctx + " lastEngagementAt");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theStoredRowsGiveTheModelsEvaluation(long seed) {
        HistoryGenerator g = new HistoryGenerator(seed);
        History h = g.history();
        Map<UUID, UUID> unitOf = units(h, g);
        Instant now = micros(g.nows(1).get(0));
        List<EngagementEvent> shuffled = g.shuffled(g.withDuplicates(h.events(), h.events().size() / 4 + 1));
        InMemoryReadModel store = new InMemoryReadModel(h.params(), unitOf);
        foldInBatches(store, changes(h, shuffled, unitOf), now, g);
        RelationshipModel m = model(h, shuffled);
        for (UUID c : h.contacts()) {
            assertSame(m.relationship(c, now), store.evaluate(c, now), h.params(), "seed " + seed + " contact " + c);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void slicesCreditedAsTheyFallDueGiveTheSameAsFoldingLater(long seed) {
        HistoryGenerator g = new HistoryGenerator(seed);
        History h = g.history();
        Map<UUID, UUID> unitOf = units(h, g);
        Instant end = micros(g.nows(1).get(0));
        Instant start = micros(end.minus(Duration.ofSeconds((long) (g.random().nextDouble() * 200 * 86400))));
        InMemoryReadModel early = new InMemoryReadModel(h.params(), unitOf);
        foldInBatches(early, changes(h, g.shuffled(h.events()), unitOf), start, g);
        // the due-slice job runs a few times between, then at the end
        Instant t = start;
        for (int i = 0; i < 3; i++) {
            t = micros(t.plusSeconds((long) (g.random().nextDouble() * Duration.between(t, end).getSeconds())));
            early.creditDue(t);
        }
        early.creditDue(end);
        InMemoryReadModel late = new InMemoryReadModel(h.params(), unitOf);
        foldInBatches(late, changes(h, g.shuffled(h.events()), unitOf), end, g);
        RelationshipModel m = model(h, h.events());
        for (UUID c : h.contacts()) {
            String ctx = "seed " + seed + " contact " + c;
            assertSame(m.relationship(c, end), early.evaluate(c, end), h.params(), ctx + " (credited as due)");
            assertSame(m.relationship(c, end), late.evaluate(c, end), h.params(), ctx + " (folded at the end)");
        }
        for (UUID u : new java.util.HashSet<>(unitOf.values())) {
            double sum = 0;
            for (UUID c : h.contacts()) {
                if (u.equals(unitOf.get(c))) {
                    sum += m.strengthAt(c, end);
                }
            }
            assertRelClose(sum, early.unitStrength(u, end), REL, "seed " + seed + " unit " + u + " (credited as due)");
            assertRelClose(sum, late.unitStrength(u, end), REL, "seed " + seed + " unit " + u + " (folded at the end)");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anUpdateFollowedByItsInverseRestoresTheRows(long seed) {
        HistoryGenerator g = new HistoryGenerator(seed);
        History h = g.history();
        Map<UUID, UUID> unitOf = units(h, g);
        Instant now = micros(g.nows(1).get(0));
        InMemoryReadModel store = new InMemoryReadModel(h.params(), unitOf);
        foldInBatches(store, changes(h, g.shuffled(h.events()), unitOf), now, g);
        Map<UUID, RelationshipScore> before = new HashMap<>();
        h.contacts().forEach(c -> before.put(c, store.evaluate(c, now)));

        Map<UUID, EngagementEvent> finals = h.finalStates();
        UUID target = new ArrayList<>(finals.keySet()).get(g.random().nextInt(finals.size()));
        EngagementEvent current = finals.get(target);
        EngagementSnapshot changed = g.snapshot(target, h.contacts());
        EngagementEvent update = EngagementEvent.updated(g.eventId(), current.version() + 1, changed);
        EngagementEvent inverse = current.kind() == EngagementEvent.Kind.CANCELLED
            ? EngagementEvent.cancelled(g.eventId(), target, current.version() + 2)
            : EngagementEvent.updated(g.eventId(), current.version() + 2, current.engagement());
        store.fold(changes(h, List.of(update), unitOf), now);
        store.fold(changes(h, List.of(inverse), unitOf), now);
        for (UUID c : h.contacts()) {
            RelationshipScore a = before.get(c);
            RelationshipScore b = store.evaluate(c, now);
            String ctx = "seed " + seed + " contact " + c;
            assertRelClose(a.strength(), b.strength(), REL, ctx + " strength");
            assertEquals(a.factors(), b.factors(), ctx + " factors");
            assertEquals(a.lastEngagementAt(), b.lastEngagementAt(), ctx + " lastEngagementAt");
            if (a.strength() == 0) {
                assertEquals(0.0, b.strength(), ctx + ": an emptied contact is exactly 0");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cancellingEverythingLeavesExactlyNothing(long seed) {
        HistoryGenerator g = new HistoryGenerator(seed);
        History h = g.history();
        Map<UUID, UUID> unitOf = units(h, g);
        Instant now = micros(g.nows(1).get(0));
        InMemoryReadModel store = new InMemoryReadModel(h.params(), unitOf);
        foldInBatches(store, changes(h, g.shuffled(h.events()), unitOf), now, g);
        List<EngagementEvent> cancels = new ArrayList<>();
        h.finalStates().forEach((id, e) -> cancels.add(EngagementEvent.cancelled(g.eventId(), id, e.version() + 1)));
        foldInBatches(store, changes(h, cancels, unitOf), now, g);
        for (UUID c : h.contacts()) {
            StoredRelationship r = store.row(c);
            if (r == null) {
                continue;
            }
            assertEquals(0L, r.slices(), "seed " + seed);
            assertEquals(0.0, r.strengthAt(now), "seed " + seed + ": exactly 0, not a rounding residue");
            assertEquals(0L, r.givenMicros() + r.receivedMicros() + r.sentimentCount() + r.sentimentSum(), "seed " + seed);
            assertEquals(null, r.lastActivityAt(), "seed " + seed);
            assertEquals(null, r.lastTouchAt(), "seed " + seed);
        }
        for (UUID u : unitOf.values()) {
            assertEquals(0.0, store.unitStrength(u, now), "seed " + seed + " unit sum exactly 0");
        }
    }
}
