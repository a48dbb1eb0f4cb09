package io.rapport.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringParametersTest {

    private final ScoringParameters p = ScoringParameters.defaults();

    @Test
    void documentedDefaults() {
        assertEquals(Duration.ofDays(90), p.halfLife());
        assertEquals(40.0, p.scoreScale());
        assertEquals(20.0, p.coolThreshold());
        assertEquals(45.0, p.warmThreshold());
        assertEquals(70.0, p.strongThreshold());
        assertEquals(Duration.ofDays(7), p.slicePeriod());
        assertEquals(520, p.maxSlices());
        assertEquals(Map.of(
                EngagementType.ONE_TO_ONE, 5.0,
                EngagementType.LEADERSHIP_FORUM, 4.0,
                EngagementType.SHADOWING, 3.0,
                EngagementType.ON_THE_JOB_TRAINING, 3.0,
                EngagementType.SECONDMENT, 4.0,
                EngagementType.EXPERTISE_EXCHANGE, 6.0,
                EngagementType.SME_HOURS, 4.0,
                EngagementType.NETWORKING, 2.0), p.baseWeights());
        assertEquals(1.2, p.directionFactor(Direction.MUTUAL));
        assertEquals(1.0, p.directionFactor(Direction.PMO_GAVE));
        assertEquals(1.0, p.directionFactor(Direction.PMO_RECEIVED));
        assertEquals(java.util.Set.of(EngagementType.SECONDMENT, EngagementType.SHADOWING, EngagementType.ON_THE_JOB_TRAINING),
                p.longRunningTypes());
        assertEquals(java.util.Set.of(EngagementType.LEADERSHIP_FORUM), p.groupDiscountTypes());
    }

    @Test
    void bandBoundariesAreInclusiveBelow() {
        assertEquals(Band.COLD, p.band(0));
        assertEquals(Band.COLD, p.band(19.999999));
        assertEquals(Band.COOL, p.band(20.0));
        assertEquals(Band.COOL, p.band(44.999999));
        assertEquals(Band.WARM, p.band(45.0));
        assertEquals(Band.WARM, p.band(69.999999));
        assertEquals(Band.STRONG, p.band(70.0));
        assertEquals(Band.STRONG, p.band(100.0));
    }

    @Test
    void scoreCurveAndItsInverse() {
        assertEquals(0.0, p.score(0));
        assertEquals(100 * (1 - Math.exp(-1)), p.score(40), 1e-12);
        // S_T = -k ln(1 - T/100)
        assertEquals(-40 * Math.log(0.8), p.strengthForScore(20), 1e-12);
        assertEquals(-40 * Math.log(0.3), p.strengthForScore(70), 1e-12);
        for (double t : new double[] {0.5, 20, 45, 70, 99.9}) {
            assertEquals(t, p.score(p.strengthForScore(t)), 1e-10);
        }
    }

    @Test
    void effortSentimentDirectionAndGroupFactors() {
        assertEquals(1.0, p.effortFactor(0), 1e-15);
        assertEquals(1.5, p.effortFactor(1), 1e-15);
        assertEquals(2.0, p.effortFactor(3), 1e-15);
        assertEquals(2.5, p.effortFactor(7), 1e-15);
        assertEquals(3.0, p.effortFactor(15), 1e-15);
        assertEquals(1.0, p.sentimentFactor(null));
        assertEquals(0.8, p.sentimentFactor(1), 1e-15);
        assertEquals(1.0, p.sentimentFactor(3), 1e-15);
        assertEquals(1.2, p.sentimentFactor(5), 1e-15);
        assertEquals(1.0, p.groupFactor(EngagementType.LEADERSHIP_FORUM, 1));
        assertEquals(0.5, p.groupFactor(EngagementType.LEADERSHIP_FORUM, 4), 1e-15);
        assertEquals(1.0 / 3, p.groupFactor(EngagementType.LEADERSHIP_FORUM, 9), 1e-15);
        assertEquals(1.0, p.groupFactor(EngagementType.NETWORKING, 9));
    }

    @Test
    void rejectsInvalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> p.withHalfLife(Duration.ofMillis(90_500)));
        assertThrows(IllegalArgumentException.class, () -> p.withHalfLife(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> p.withScoreScale(0));
        assertThrows(IllegalArgumentException.class, () -> p.withBaseWeight(EngagementType.NETWORKING, -1));
        assertThrows(IllegalArgumentException.class, () -> p.withMaxSlices(0));
        EnumMap<EngagementType, Double> missing = new EnumMap<>(p.baseWeights());
        missing.remove(EngagementType.SME_HOURS);
        assertThrows(IllegalArgumentException.class, () -> new ScoringParameters(p.halfLife(), missing, p.effortScale(),
                p.sentimentStep(), p.directionFactors(), p.longRunningTypes(), p.slicePeriod(), p.maxSlices(),
                p.groupDiscountTypes(), p.groupDiscountExponent(), p.scoreScale(), 20, 45, 70));
        assertThrows(IllegalArgumentException.class, () -> new ScoringParameters(p.halfLife(), p.baseWeights(), p.effortScale(),
                p.sentimentStep(), p.directionFactors(), p.longRunningTypes(), p.slicePeriod(), p.maxSlices(),
                p.groupDiscountTypes(), p.groupDiscountExponent(), p.scoreScale(), 45, 20, 70));
        assertThrows(IllegalArgumentException.class, () -> p.sentimentFactor(6));
        assertThrows(IllegalArgumentException.class, () -> p.effortFactor(-1));
    }

    @Test
    void configuredMapsAreImmutableCopies() {
        EnumMap<EngagementType, Double> weights = new EnumMap<>(p.baseWeights());
        ScoringParameters q = new ScoringParameters(p.halfLife(), weights, p.effortScale(), p.sentimentStep(),
                p.directionFactors(), p.longRunningTypes(), p.slicePeriod(), p.maxSlices(), p.groupDiscountTypes(),
                p.groupDiscountExponent(), p.scoreScale(), 20, 45, 70);
        weights.put(EngagementType.ONE_TO_ONE, 99.0);
        assertEquals(5.0, q.baseWeight(EngagementType.ONE_TO_ONE));
        assertThrows(UnsupportedOperationException.class, () -> q.baseWeights().put(EngagementType.ONE_TO_ONE, 1.0));
    }
}
