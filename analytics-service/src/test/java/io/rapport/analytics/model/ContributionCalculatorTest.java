package io.rapport.analytics.model;

import static io.rapport.analytics.model.Fixtures.P;
import static io.rapport.analytics.model.Fixtures.T0;
import static io.rapport.analytics.model.Fixtures.log2;
import static io.rapport.analytics.model.Fixtures.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContributionCalculatorTest {

    private static final UUID E = uuid(100);
    private static final UUID A = uuid(1);

    private static List<Slice> slices(EngagementSnapshot e) {
        return ContributionCalculator.contribution(e, P).slices();
    }

    @Test
    void pointEngagementIsOneSliceAtItsStartWithTheProductOfItsFactors() {
        // ONE_TO_ONE base 5, 1 h -> effort 1.5, sentiment 4 -> 1.1, PMO_GAVE -> 1.0
        List<Slice> s = slices(Fixtures.point(E, EngagementType.ONE_TO_ONE, T0, Direction.PMO_GAVE, 1.0, 4, A));
        assertEquals(1, s.size());
        assertEquals(T0, s.get(0).at());
        assertEquals(5.0 * 1.5 * 1.1, s.get(0).weight(), 1e-12);
    }

    @Test
    void everyTypeUsesItsOwnBaseWeight() {
        for (EngagementType type : EngagementType.values()) {
            if (P.isLongRunning(type)) {
                continue;
            }
            List<Slice> s = slices(Fixtures.point(E, type, T0, Direction.PMO_RECEIVED, null, null, A));
            assertEquals(P.baseWeight(type), s.get(0).weight(), 1e-12, type.name());
        }
        assertEquals(6.0, slices(Fixtures.point(E, EngagementType.EXPERTISE_EXCHANGE, T0, Direction.PMO_GAVE, null, null, A)).get(0).weight());
        assertEquals(2.0, slices(Fixtures.point(E, EngagementType.NETWORKING, T0, Direction.PMO_GAVE, null, null, A)).get(0).weight());
    }

    @Test
    void mutualDirectionAndSentimentScaleTheWeight() {
        double mutual = slices(Fixtures.point(E, EngagementType.SME_HOURS, T0, Direction.MUTUAL, 3.0, 1, A)).get(0).weight();
        // 4 * effort(3h)=2 * sentiment(1)=0.8 * MUTUAL=1.2
        assertEquals(4.0 * 2.0 * 0.8 * 1.2, mutual, 1e-12);
    }

    @Test
    void forumAttendanceIsDiscountedByGroupSize() {
        double alone = slices(Fixtures.point(E, EngagementType.LEADERSHIP_FORUM, T0, Direction.MUTUAL, 1.5, null, A)).get(0).weight();
        UUID[] four = {uuid(1), uuid(2), uuid(3), uuid(4)};
        UUID[] nine = {uuid(1), uuid(2), uuid(3), uuid(4), uuid(5), uuid(6), uuid(7), uuid(8), uuid(9)};
        double ofFour = slices(Fixtures.point(E, EngagementType.LEADERSHIP_FORUM, T0, Direction.MUTUAL, 1.5, null, four)).get(0).weight();
        double ofNine = slices(Fixtures.point(E, EngagementType.LEADERSHIP_FORUM, T0, Direction.MUTUAL, 1.5, null, nine)).get(0).weight();
        assertEquals(4.0 * (1 + 0.5 * log2(2.5)) * 1.2, alone, 1e-12);
        assertEquals(alone / 2, ofFour, 1e-12);
        assertEquals(alone / 3, ofNine, 1e-12);
        // a duplicated participant is one participant
        double dup = slices(Fixtures.point(E, EngagementType.LEADERSHIP_FORUM, T0, Direction.MUTUAL, 1.5, null, A, A)).get(0).weight();
        assertEquals(alone, dup, 0.0);
        // not discounted for other types
        double net = slices(Fixtures.point(E, EngagementType.NETWORKING, T0, Direction.MUTUAL, 1.5, null, four)).get(0).weight();
        double netAlone = slices(Fixtures.point(E, EngagementType.NETWORKING, T0, Direction.MUTUAL, 1.5, null, A)).get(0).weight();
        assertEquals(netAlone, net, 0.0);
    }

    @Test
    void longRunningEngagementContributesOneSlicePerActiveWeekEachAtItsOwnTime() {
        Instant end = T0.plus(Duration.ofDays(23)); // 3 weeks + 2 days
        List<Slice> s = slices(Fixtures.longRunning(E, EngagementType.SECONDMENT, EngagementStatus.COMPLETED, T0, end,
                Direction.PMO_RECEIVED, 46.0, A));
        assertEquals(4, s.size());
        assertEquals(T0.plus(Duration.ofDays(7)), s.get(0).at());
        assertEquals(T0.plus(Duration.ofDays(14)), s.get(1).at());
        assertEquals(T0.plus(Duration.ofDays(21)), s.get(2).at());
        assertEquals(end, s.get(3).at());
        // 46 h over 23 days: 14 h per full week, 4 h in the last 2 days
        double fullWeek = 4.0 * (1 + 0.5 * log2(15));
        for (int i = 0; i < 3; i++) {
            assertEquals(fullWeek, s.get(i).weight(), 1e-12);
        }
        assertEquals(4.0 * (2.0 / 7) * (1 + 0.5 * log2(5)), s.get(3).weight(), 1e-12);
    }

    @Test
    void activeLongRunningEngagementAlreadyHasItsScheduledSlices() {
        Instant end = T0.plus(Duration.ofDays(14));
        List<Slice> active = slices(Fixtures.longRunning(E, EngagementType.SHADOWING, EngagementStatus.ACTIVE, T0, end,
                Direction.PMO_GAVE, 0.0, A));
        assertEquals(2, active.size());
        assertEquals(3.0, active.get(0).weight(), 1e-12);
        assertEquals(end, active.get(1).at());
    }

    @Test
    void sliceCountIsCapped() {
        Instant end = T0.plus(Duration.ofDays(70)); // 10 weeks
        List<Slice> s = ContributionCalculator.contribution(Fixtures.longRunning(E, EngagementType.ON_THE_JOB_TRAINING,
                EngagementStatus.COMPLETED, T0, end, Direction.PMO_GAVE, 70.0, A), P.withMaxSlices(3)).slices();
        assertEquals(3, s.size());
        assertEquals(T0.plus(Duration.ofDays(21)), s.get(2).at());
        // each week still carries 7 h of the 70 (the dropped weeks' hours are dropped with them)
        assertEquals(3.0 * (1 + 0.5 * log2(8)), s.get(2).weight(), 1e-12);
    }

    @Test
    void longRunningWithoutPositivePeriodIsAPoint() {
        List<Slice> noEnd = slices(Fixtures.longRunning(E, EngagementType.SECONDMENT, EngagementStatus.ACTIVE, T0, null,
                Direction.PMO_GAVE, 3.0, A));
        assertEquals(1, noEnd.size());
        assertEquals(T0, noEnd.get(0).at());
        assertEquals(4.0 * 2.0, noEnd.get(0).weight(), 1e-12);
        List<Slice> backwards = slices(Fixtures.longRunning(E, EngagementType.SECONDMENT, EngagementStatus.ACTIVE, T0,
                T0.minusSeconds(1), Direction.PMO_GAVE, 3.0, A));
        assertEquals(1, backwards.size());
    }

    @Test
    void notYetHappenedOrCancelledEngagementsContributeNothing() {
        Instant end = T0.plus(Duration.ofDays(30));
        for (EngagementStatus status : new EngagementStatus[] {EngagementStatus.PROPOSED, EngagementStatus.AGREED, EngagementStatus.CANCELLED}) {
            assertTrue(slices(Fixtures.longRunning(E, EngagementType.SECONDMENT, status, T0, end, Direction.PMO_GAVE, 3.0, A)).isEmpty(),
                    status.name());
        }
        assertEquals(5, slices(Fixtures.longRunning(E, EngagementType.SECONDMENT, EngagementStatus.ACTIVE, T0, end,
                Direction.PMO_GAVE, 3.0, A)).size());
    }

    @Test
    void zeroBaseWeightGivesAWeightlessSliceThatStillCarriesTheEffort() {
        ScoringParameters p = P.withBaseWeight(EngagementType.NETWORKING, 0);
        List<Slice> slices = ContributionCalculator.contribution(
                Fixtures.point(E, EngagementType.NETWORKING, T0, Direction.PMO_GAVE, 2.0, 5, A), p).slices();
        assertEquals(1, slices.size());
        assertEquals(0.0, slices.get(0).weight());
        assertEquals(2_000_000L, slices.get(0).hoursMicros());
        assertTrue(ContributionCalculator.contribution(
                Fixtures.point(E, EngagementType.NETWORKING, T0, Direction.PMO_GAVE, 0.0, 5, A), p).slices().isEmpty());
    }

    @Test
    void hoursGivenAndReceivedSplitMutualInHalves() {
        EngagementContribution gave = ContributionCalculator.contribution(Fixtures.point(E, EngagementType.SME_HOURS, T0, Direction.PMO_GAVE, 8.0, null, A), P);
        EngagementContribution got = ContributionCalculator.contribution(Fixtures.point(E, EngagementType.SME_HOURS, T0, Direction.PMO_RECEIVED, 8.0, null, A), P);
        EngagementContribution mutual = ContributionCalculator.contribution(Fixtures.point(E, EngagementType.SME_HOURS, T0, Direction.MUTUAL, 5.0, null, A), P);
        assertEquals(8_000_000L, EngagementContribution.givenMicros(Direction.PMO_GAVE, gave.creditedMicros(T0)));
        assertEquals(0L, EngagementContribution.receivedMicros(Direction.PMO_GAVE, gave.creditedMicros(T0)));
        assertEquals(0L, EngagementContribution.givenMicros(Direction.PMO_RECEIVED, got.creditedMicros(T0)));
        assertEquals(8_000_000L, EngagementContribution.receivedMicros(Direction.PMO_RECEIVED, got.creditedMicros(T0)));
        assertEquals(2_500_000L, EngagementContribution.givenMicros(Direction.MUTUAL, mutual.creditedMicros(T0)));
        assertEquals(2_500_000L, EngagementContribution.receivedMicros(Direction.MUTUAL, mutual.creditedMicros(T0)));
        assertEquals(0L, mutual.creditedMicros(T0.minusSeconds(1)), "nothing is credited before the engagement");
    }
}
