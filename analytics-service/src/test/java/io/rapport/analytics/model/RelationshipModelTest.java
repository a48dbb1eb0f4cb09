package io.rapport.analytics.model;

import static io.rapport.analytics.model.Fixtures.P;
import static io.rapport.analytics.model.Fixtures.T0;
import static io.rapport.analytics.model.Fixtures.log2;
import static io.rapport.analytics.model.Fixtures.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rapport.analytics.model.RelationshipModel.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelationshipModelTest {

    private static final UUID A = uuid(1);
    private static final UUID B = uuid(2);
    private static final UUID C = uuid(3);
    private static final double H_SECONDS = P.halfLifeSeconds();

    private final RelationshipModel model = new RelationshipModel(P);

    private static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }

    @Test
    void contactWithoutEngagementsIsZeroAndCold() {
        RelationshipScore r = model.relationship(A, T0);
        assertEquals(0.0, r.score());
        assertEquals(Band.COLD, r.band());
        assertNull(r.nextBand());
        assertNull(r.dropsOn());
        assertNull(r.coldOn());
        assertNull(r.factors().recencyDays());
        assertEquals(0, r.factors().frequency90d());
    }

    @Test
    void contributionDecaysWithTheHalfLife() {
        model.apply(EngagementEvent.logged("e1", 1, Fixtures.oneToOne(uuid(10), T0, A)));
        // ONE_TO_ONE, 1 h: 5 * 1.5
        assertEquals(7.5, model.strengthAt(A, T0), 1e-12);
        assertEquals(3.75, model.strengthAt(A, days(90)), 1e-12);
        assertEquals(100 * (1 - Math.exp(-7.5 / 40)), model.scoreAt(A, T0), 1e-10);
        assertEquals(0.0, model.strengthAt(A, T0.minusNanos(1)), 0.0, "nothing before the engagement");
    }

    @Test
    void duplicateEventChangesNothing() {
        EngagementEvent e = EngagementEvent.logged("e1", 1, Fixtures.oneToOne(uuid(10), T0, A));
        assertEquals(Outcome.APPLIED, model.apply(e).outcome());
        double once = model.strengthAt(A, days(3));
        assertEquals(Outcome.DUPLICATE, model.apply(e).outcome());
        assertEquals(once, model.strengthAt(A, days(3)), 0.0);
    }

    @Test
    void updateArrivingBeforeItsLogWins() {
        EngagementSnapshot v1 = Fixtures.oneToOne(uuid(10), T0, A);
        EngagementSnapshot v2 = Fixtures.point(uuid(10), EngagementType.ONE_TO_ONE, T0, Direction.PMO_GAVE, 3.0, null, A);
        assertEquals(Outcome.APPLIED, model.apply(EngagementEvent.updated("e2", 2, v2)).outcome());
        assertEquals(Outcome.STALE, model.apply(EngagementEvent.logged("e1", 1, v1)).outcome());
        assertEquals(5.0 * 2.0, model.strengthAt(A, T0), 1e-12);
        assertEquals(2, model.engagementVersion(uuid(10)));
    }

    @Test
    void cancellationBeforeTheLogLeavesNothing() {
        EngagementSnapshot v1 = Fixtures.oneToOne(uuid(10), T0, A, B);
        assertEquals(Outcome.APPLIED, model.apply(EngagementEvent.cancelled("e3", uuid(10), 3)).outcome());
        assertEquals(Outcome.STALE, model.apply(EngagementEvent.logged("e1", 1, v1)).outcome());
        assertEquals(Outcome.STALE, model.apply(EngagementEvent.updated("e2", 2, v1)).outcome());
        assertEquals(0.0, model.strengthAt(A, T0), 0.0);
        assertTrue(model.contactIds().isEmpty());
    }

    @Test
    void cancellationTakesBackExactly() {
        model.apply(EngagementEvent.logged("x1", 1, Fixtures.point(uuid(11), EngagementType.SME_HOURS, days(-3), Direction.PMO_RECEIVED, 2.0, 4, A)));
        double before = model.strengthAt(A, days(5));
        model.apply(EngagementEvent.logged("e1", 1, Fixtures.oneToOne(uuid(10), T0, A)));
        assertTrue(model.strengthAt(A, days(5)) > before);
        RelationshipModel.ApplyResult r = model.apply(EngagementEvent.cancelled("e2", uuid(10), 2));
        assertEquals(Set.of(A), r.affected());
        assertEquals(before, model.strengthAt(A, days(5)), 1e-15 * before);
        model.apply(EngagementEvent.cancelled("x2", uuid(11), 2));
        assertEquals(0.0, model.strengthAt(A, days(5)), 0.0, "an emptied contact is exactly zero");
        assertTrue(model.contactIds().isEmpty());
    }

    @Test
    void participantChangeMovesTheContribution() {
        EngagementSnapshot v1 = Fixtures.oneToOne(uuid(10), T0, A, B);
        model.apply(EngagementEvent.logged("e1", 1, v1));
        RelationshipModel.ApplyResult r = model.apply(EngagementEvent.updated("e2", 2, Fixtures.withParticipants(v1, B, C)));
        assertEquals(Set.of(A, B, C), r.affected());
        assertEquals(0.0, model.strengthAt(A, T0), 0.0);
        assertEquals(7.5, model.strengthAt(B, T0), 1e-12);
        assertEquals(7.5, model.strengthAt(C, T0), 1e-12);
        assertEquals(Set.of(B, C), model.contactIds());
    }

    @Test
    void proposedEngagementStartsContributingWhenActive() {
        EngagementSnapshot proposed = Fixtures.longRunning(uuid(10), EngagementType.SHADOWING, EngagementStatus.PROPOSED,
                T0, days(14), Direction.PMO_GAVE, 0.0, A);
        model.apply(EngagementEvent.logged("e1", 1, proposed));
        assertTrue(model.contactIds().isEmpty());
        model.apply(EngagementEvent.updated("e2", 2, Fixtures.withStatus(proposed, EngagementStatus.ACTIVE)));
        assertEquals(3.0 * Math.pow(2, -7.0 / 90) + 3.0, model.strengthAt(A, days(14)), 1e-12);
    }

    @Test
    void equalVersionsResolveTheSameWayInEitherOrder() {
        EngagementSnapshot v1 = Fixtures.oneToOne(uuid(10), T0, A);
        EngagementSnapshot v2a = Fixtures.point(uuid(10), EngagementType.ONE_TO_ONE, T0, Direction.PMO_GAVE, 3.0, null, A);
        EngagementSnapshot v2b = Fixtures.point(uuid(10), EngagementType.ONE_TO_ONE, T0, Direction.PMO_GAVE, 7.0, null, A);
        List<EngagementEvent> tie = List.of(EngagementEvent.logged("e1", 1, v1), EngagementEvent.updated("e2-a", 2, v2a),
                EngagementEvent.updated("e2-b", 2, v2b));
        RelationshipModel m1 = new RelationshipModel(P);
        m1.applyAll(tie);
        RelationshipModel m2 = new RelationshipModel(P);
        m2.applyAll(List.of(tie.get(2), tie.get(0), tie.get(1)));
        assertEquals(5.0 * 2.5, m1.strengthAt(A, T0), 1e-12, "greater event id wins");
        assertEquals(m1.strengthAt(A, T0), m2.strengthAt(A, T0), 0.0);

        RelationshipModel m3 = new RelationshipModel(P);
        m3.applyAll(List.of(EngagementEvent.cancelled("c", uuid(10), 2), EngagementEvent.updated("z", 2, v2b)));
        RelationshipModel m4 = new RelationshipModel(P);
        m4.applyAll(List.of(EngagementEvent.updated("z", 2, v2b), EngagementEvent.cancelled("c", uuid(10), 2)));
        assertEquals(0.0, m3.strengthAt(A, T0), 0.0, "cancellation wins a tie");
        assertEquals(0.0, m4.strengthAt(A, T0), 0.0, "cancellation wins a tie");
    }

    @Test
    void correctingAFarFutureTypoRestoresTheOldContributions() {
        // H = 1 day: the typo is ~330,000 half-lives ahead, far beyond the double range
        ScoringParameters p = P.withHalfLife(Duration.ofDays(1));
        RelationshipModel m = new RelationshipModel(p);
        m.apply(EngagementEvent.logged("a1", 1, Fixtures.oneToOne(uuid(10), T0, A)));
        EngagementSnapshot typo = Fixtures.oneToOne(uuid(11), Instant.parse("2926-06-01T10:00:00Z"), A);
        m.apply(EngagementEvent.logged("b1", 1, typo));
        m.apply(EngagementEvent.updated("b2", 2, Fixtures.withStart(typo, days(1))));
        assertEquals(7.5 * 0.25 + 7.5 * 0.5, m.strengthAt(A, days(2)), 1e-12);
    }

    @Test
    void longRunningEngagementGrowsTheScoreWhileItRuns() {
        Instant start = days(-14);
        Instant end = days(28);
        // 42 days, 42 h: 7 h a week -> effort 1 + 0.5*log2(8) = 2.5, weekly slice 4 * 2.5 = 10
        model.apply(EngagementEvent.logged("s1", 1, Fixtures.longRunning(uuid(10), EngagementType.SECONDMENT,
                EngagementStatus.ACTIVE, start, end, Direction.PMO_RECEIVED, 42.0, A)));
        assertEquals(10 * Math.pow(2, -7.0 / 90) + 10, model.strengthAt(A, T0), 1e-12);
        double s = 0;
        for (int k = 0; k < 6; k++) {
            s += 10 * Math.pow(2, -7.0 * k / 90);
        }
        assertEquals(s, model.strengthAt(A, end), 1e-12);
        assertTrue(model.scoreAt(A, end) > model.scoreAt(A, T0));

        RelationshipScore r = model.relationship(A, T0);
        assertEquals(0L, r.factors().recencyDays(), "an ongoing secondment is engagement now");
        assertEquals(T0, r.lastEngagementAt());
        // only what has happened counts: two of the six weeks are worked, 14 of the 42 hours
        assertEquals(14.0, r.factors().depthHours(), 1e-9);
        assertEquals(14.0, r.factors().hoursReceived(), 1e-9);
        // the forecast is "if nothing more happens": from S(now), in closed form, no scheduled week counted
        double now = model.strengthAt(A, T0);
        double target = P.strengthForScore(P.lowerThreshold(r.band()));
        Instant expected = T0.plusNanos((long) (H_SECONDS * log2(now / target) * 1e9));
        assertTrue(Math.abs(Duration.between(expected, r.dropsAt()).toMillis()) <= 1, r.dropsAt() + " vs " + expected);
        assertEquals(P.lowerThreshold(r.band()), P.score(now * Math.pow(2, -Duration.between(T0, r.dropsAt()).toSeconds()
                / (double) H_SECONDS)), 1e-5);
    }

    @Test
    void aLongRunningEngagementCompletedEarlyStopsAtItsCompletion() {
        Instant start = days(-28);
        Instant end = days(28);
        Instant completed = days(-10); // two and a half weeks worked out of eight
        EngagementSnapshot done = new EngagementSnapshot(uuid(11), EngagementType.SECONDMENT, EngagementStatus.COMPLETED,
                start, end, Direction.PMO_RECEIVED, 56.0, null, java.util.List.of(A), completed);
        model.apply(EngagementEvent.logged("c1", 1, done));
        // slices at start + 7 d, + 14 d, then a partial one (4 of 7 days) at the completion, none after
        double full = 4 * (1 + 0.5 * log2(1 + 7.0));
        double partial = 4 * (4.0 / 7) * (1 + 0.5 * log2(1 + 4.0));
        double atCompletion = full * Math.pow(2, -11.0 / 90) + full * Math.pow(2, -4.0 / 90) + partial;
        assertEquals(atCompletion, model.strengthAt(A, completed), 1e-12);
        assertEquals(atCompletion * Math.pow(2, -40.0 / 90), model.strengthAt(A, days(30)), 1e-12, "nothing after it");
        RelationshipScore r = model.relationship(A, T0);
        assertEquals(18.0, r.factors().depthHours(), 1e-9, "18 of the 56 hours were worked");
        assertEquals(completed, r.lastEngagementAt());
        assertEquals(10L, r.factors().recencyDays());
    }

    @Test
    void forecastIsTheClosedFormOfTheDecay() {
        // 6 * effort(7h)=2.5 * sentiment(5)=1.2 * MUTUAL 1.2 = 21.6, plus 7.5 = 29.1 -> WARM
        model.apply(EngagementEvent.logged("e1", 1, Fixtures.point(uuid(10), EngagementType.EXPERTISE_EXCHANGE, T0, Direction.MUTUAL, 7.0, 5, A)));
        model.apply(EngagementEvent.logged("e2", 1, Fixtures.oneToOne(uuid(11), T0, A)));
        RelationshipScore r = model.relationship(A, T0);
        assertEquals(29.1, r.strength(), 1e-12);
        assertEquals(100 * (1 - Math.exp(-29.1 / 40)), r.score(), 1e-10);
        assertEquals(Band.WARM, r.band());
        assertEquals(Band.COOL, r.nextBand());

        double toCool = 90 * 86400 * log2(29.1 / (-40 * Math.log(1 - 0.45)));
        double toCold = 90 * 86400 * log2(29.1 / (-40 * Math.log(1 - 0.20)));
        assertTrue(Math.abs(Duration.between(T0.plusMillis((long) (toCool * 1000)), r.dropsAt()).toMillis()) <= 1);
        assertTrue(Math.abs(Duration.between(T0.plusMillis((long) (toCold * 1000)), r.coldAt()).toMillis()) <= 1);
        assertEquals(LocalDate.ofInstant(r.dropsAt(), ZoneOffset.UTC), r.dropsOn());
        assertEquals(LocalDate.of(2026, 6, 26), r.dropsOn()); // 25.5 days after 1 June
        assertEquals(LocalDate.ofInstant(r.coldAt(), ZoneOffset.UTC), r.coldOn());
        assertEquals(45.0, model.scoreAt(A, r.dropsAt()), 1e-6);
        assertEquals(20.0, model.scoreAt(A, r.coldAt()), 1e-6);
        assertTrue(model.scoreAt(A, r.dropsAt().plusMillis(1)) < 45.0);
        assertTrue(model.scoreAt(A, r.dropsAt().minusMillis(1)) >= 45.0);

        // later, once COOL, the drop date is the COLD date
        RelationshipScore later = model.relationship(A, r.dropsAt().plusSeconds(60));
        assertEquals(Band.COOL, later.band());
        assertEquals(Band.COLD, later.nextBand());
        assertEquals(later.coldAt(), later.dropsAt());
        assertTrue(Math.abs(Duration.between(r.coldAt(), later.coldAt()).toMillis()) <= 1);

        // already COLD: no forecast
        RelationshipScore cold = model.relationship(A, r.coldAt().plusSeconds(1));
        assertEquals(Band.COLD, cold.band());
        assertNull(cold.nextBand());
        assertNull(cold.dropsAt());
        assertNull(cold.coldOn());
    }

    @Test
    void trendComparesWithThirtyDaysAgoCountingOnlyWhatHadHappenedThen() {
        model.apply(EngagementEvent.logged("e1", 1, Fixtures.oneToOne(uuid(10), days(-10), A)));
        RelationshipScore fresh = model.relationship(A, T0);
        assertEquals(fresh.score(), fresh.trend(), 1e-12, "30 days ago there was nothing");

        model.apply(EngagementEvent.logged("e2", 1, Fixtures.oneToOne(uuid(11), days(-10), B)));
        model.apply(EngagementEvent.logged("e3", 1, Fixtures.oneToOne(uuid(12), days(-40), B)));
        double now = P.score(7.5 * Math.pow(2, -10.0 / 90) + 7.5 * Math.pow(2, -40.0 / 90));
        double then = P.score(7.5 * Math.pow(2, -10.0 / 90));
        assertEquals(now - then, model.relationship(B, T0).trend(), 1e-10);

        model.apply(EngagementEvent.logged("e4", 1, Fixtures.oneToOne(uuid(13), days(-40), C)));
        assertTrue(model.relationship(C, T0).trend() < 0, "only decay since then");
    }

    @Test
    void factorsExplainTheScore() {
        model.apply(EngagementEvent.logged("e1", 1, Fixtures.point(uuid(10), EngagementType.ONE_TO_ONE, days(-5), Direction.PMO_GAVE, 8.0, 4, A)));
        model.apply(EngagementEvent.logged("e2", 1, Fixtures.point(uuid(11), EngagementType.SME_HOURS, days(-100), Direction.PMO_RECEIVED, 6.5, 5, A)));
        model.apply(EngagementEvent.logged("e3", 1, Fixtures.point(uuid(12), EngagementType.NETWORKING, days(-20), Direction.MUTUAL, null, null, A)));
        model.apply(EngagementEvent.logged("e4", 1, Fixtures.point(uuid(13), EngagementType.ONE_TO_ONE, days(3), Direction.PMO_GAVE, 50.0, 1, A)));
        Factors f = model.relationship(A, T0).factors();
        assertEquals(5L, f.recencyDays());
        assertEquals(2, f.frequency90d(), "the SME hours 100 days ago are outside, the future one-to-one not yet");
        assertEquals(14.5, f.depthHours(), 1e-12);
        assertEquals(4.5, f.sentiment(), 1e-12);
        assertEquals(8.0, f.hoursGiven(), 1e-12);
        assertEquals(6.5, f.hoursReceived(), 1e-12);
        assertEquals(1 - 1.5 / 14.5, f.reciprocity(), 1e-12);
        assertEquals(days(-5), model.relationship(A, T0).lastEngagementAt());

        model.apply(EngagementEvent.logged("m1", 1, Fixtures.point(uuid(20), EngagementType.EXPERTISE_EXCHANGE, days(-1), Direction.MUTUAL, 5.0, null, B)));
        Factors mutual = model.relationship(B, T0).factors();
        assertEquals(2.5, mutual.hoursGiven(), 0.0);
        assertEquals(2.5, mutual.hoursReceived(), 0.0);
        assertEquals(1.0, mutual.reciprocity(), 0.0);
        assertNull(mutual.sentiment());

        model.apply(EngagementEvent.logged("n1", 1, Fixtures.point(uuid(30), EngagementType.NETWORKING, days(-1), Direction.PMO_GAVE, null, 3, C)));
        assertNull(model.relationship(C, T0).factors().reciprocity(), "no hours either way: balance undefined");

        model.apply(EngagementEvent.logged("o1", 1, Fixtures.point(uuid(40), EngagementType.SME_HOURS, days(-1), Direction.PMO_GAVE, 4.0, null, uuid(4))));
        assertEquals(0.0, model.relationship(uuid(4), T0).factors().reciprocity(), 0.0, "one-way");
    }

    @Test
    void reciprocityFormula() {
        assertEquals(0.8, Factors.reciprocity(6, 4), 1e-15);
        assertEquals(0.8, Factors.reciprocity(4, 6), 1e-15);
        assertEquals(1.0, Factors.reciprocity(3, 3), 0.0);
        assertEquals(0.0, Factors.reciprocity(0, 3), 0.0);
        assertNull(Factors.reciprocity(0, 0));
    }
}
