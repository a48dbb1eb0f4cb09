package io.rapport.analytics.model;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every tunable number of the scoring model, immutable. {@link #defaults()} gives the documented
 * defaults (see analytics-service/README.md, "Scoring model"); a rebuild re-folds the whole
 * history under a new instance.
 *
 * <p>A contribution of one engagement to one participating contact is
 *
 * <pre>
 *   w = baseWeight(type) · effortFactor(hours) · sentimentFactor(sentiment)
 *         · directionFactor(direction) · groupFactor(type, participants)
 * </pre>
 *
 * where, for the long-running types, the base weight is per {@link #slicePeriod()} of the active
 * period and the engagement contributes one slice per period (see {@link ContributionCalculator}).
 *
 * @param halfLife            H: a contribution halves every H (default 90 days); whole seconds
 * @param baseWeights         base weight per engagement type (per slice period for long-running types)
 * @param effortScale         e in {@code effortFactor(h) = 1 + e·log2(1 + h)}, h in hours (default 0.5)
 * @param sentimentStep       s in {@code sentimentFactor(x) = 1 + s·(x − 3)} for x in 1..5; null
 *                            sentiment gives 1 (default 0.1, so 0.8 … 1.2)
 * @param directionFactors    multiplier per direction (default PMO_GAVE 1.0, PMO_RECEIVED 1.0, MUTUAL 1.2)
 * @param longRunningTypes    types that contribute over their active period (default SECONDMENT,
 *                            SHADOWING, ON_THE_JOB_TRAINING)
 * @param slicePeriod         length of one slice of a long-running engagement (default 7 days)
 * @param maxSlices           at most this many slices per engagement; later ones are dropped (default 520)
 * @param groupDiscountTypes  types discounted by group size (default LEADERSHIP_FORUM)
 * @param groupDiscountExponent γ in {@code groupFactor(n) = n^(−γ)}, n = distinct participants (default 0.5)
 * @param scoreScale          k in {@code score = 100·(1 − e^(−S/k))} (default 40)
 * @param coolThreshold       lowest COOL score (default 20)
 * @param warmThreshold       lowest WARM score (default 45)
 * @param strongThreshold     lowest STRONG score (default 70)
 */
public record ScoringParameters(
        Duration halfLife,
        Map<EngagementType, Double> baseWeights,
        double effortScale,
        double sentimentStep,
        Map<Direction, Double> directionFactors,
        Set<EngagementType> longRunningTypes,
        Duration slicePeriod,
        int maxSlices,
        Set<EngagementType> groupDiscountTypes,
        double groupDiscountExponent,
        double scoreScale,
        double coolThreshold,
        double warmThreshold,
        double strongThreshold) {

    /** The trend compares the score now with the score this long ago (fixed: API field {@code trend}). */
    public static final Duration TREND_WINDOW = Duration.ofDays(30);
    /** Window of {@code frequency90d} (fixed by the API field name). */
    public static final Duration FREQUENCY_WINDOW = Duration.ofDays(90);

    public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(90);
    public static final double DEFAULT_EFFORT_SCALE = 0.5;
    public static final double DEFAULT_SENTIMENT_STEP = 0.1;
    public static final Duration DEFAULT_SLICE_PERIOD = Duration.ofDays(7);
    public static final int DEFAULT_MAX_SLICES = 520;
    public static final double DEFAULT_GROUP_DISCOUNT_EXPONENT = 0.5;
    public static final double DEFAULT_SCORE_SCALE = 40.0;
    public static final double DEFAULT_COOL_THRESHOLD = 20.0;
    public static final double DEFAULT_WARM_THRESHOLD = 45.0;
    public static final double DEFAULT_STRONG_THRESHOLD = 70.0;

    /** Default base weights; long-running types are per slice period (week) of activity. */
    public static Map<EngagementType, Double> defaultBaseWeights() {
        EnumMap<EngagementType, Double> m = new EnumMap<>(EngagementType.class);
        m.put(EngagementType.ONE_TO_ONE, 5.0);
        m.put(EngagementType.LEADERSHIP_FORUM, 4.0);
        m.put(EngagementType.SHADOWING, 3.0);
        m.put(EngagementType.ON_THE_JOB_TRAINING, 3.0);
        m.put(EngagementType.SECONDMENT, 4.0);
        m.put(EngagementType.EXPERTISE_EXCHANGE, 6.0);
        m.put(EngagementType.SME_HOURS, 4.0);
        m.put(EngagementType.NETWORKING, 2.0);
        return m;
    }

    public static Map<Direction, Double> defaultDirectionFactors() {
        EnumMap<Direction, Double> m = new EnumMap<>(Direction.class);
        m.put(Direction.PMO_GAVE, 1.0);
        m.put(Direction.PMO_RECEIVED, 1.0);
        m.put(Direction.MUTUAL, 1.2);
        return m;
    }

    /** The documented defaults. */
    public static ScoringParameters defaults() {
        return new ScoringParameters(
                DEFAULT_HALF_LIFE,
                defaultBaseWeights(),
                DEFAULT_EFFORT_SCALE,
                DEFAULT_SENTIMENT_STEP,
                defaultDirectionFactors(),
                EnumSet.of(EngagementType.SECONDMENT, EngagementType.SHADOWING, EngagementType.ON_THE_JOB_TRAINING),
                DEFAULT_SLICE_PERIOD,
                DEFAULT_MAX_SLICES,
                EnumSet.of(EngagementType.LEADERSHIP_FORUM),
                DEFAULT_GROUP_DISCOUNT_EXPONENT,
                DEFAULT_SCORE_SCALE,
                DEFAULT_COOL_THRESHOLD,
                DEFAULT_WARM_THRESHOLD,
                DEFAULT_STRONG_THRESHOLD);
    }

    public ScoringParameters {
        Objects.requireNonNull(halfLife, "halfLife");
        requireWholePositiveSeconds(halfLife, "halfLife");
        Objects.requireNonNull(baseWeights, "baseWeights");
        EnumMap<EngagementType, Double> weights = new EnumMap<>(EngagementType.class);
        for (EngagementType type : EngagementType.values()) {
            Double w = baseWeights.get(type);
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("baseWeights: " + type + " needs a finite weight >= 0, got " + w);
            }
            weights.put(type, w);
        }
        baseWeights = Collections.unmodifiableMap(weights);
        requireFiniteAtLeast(effortScale, 0, "effortScale");
        if (!(sentimentStep >= 0 && sentimentStep < 0.5)) {
            throw new IllegalArgumentException("sentimentStep must be in [0, 0.5) so that every factor is > 0, got " + sentimentStep);
        }
        Objects.requireNonNull(directionFactors, "directionFactors");
        EnumMap<Direction, Double> dirs = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            Double f = directionFactors.get(d);
            if (f == null || !Double.isFinite(f) || f < 0) {
                throw new IllegalArgumentException("directionFactors: " + d + " needs a finite factor >= 0, got " + f);
            }
            dirs.put(d, f);
        }
        directionFactors = Collections.unmodifiableMap(dirs);
        longRunningTypes = immutableTypes(longRunningTypes, "longRunningTypes");
        Objects.requireNonNull(slicePeriod, "slicePeriod");
        requireWholePositiveSeconds(slicePeriod, "slicePeriod");
        if (maxSlices < 1) {
            throw new IllegalArgumentException("maxSlices must be >= 1, got " + maxSlices);
        }
        groupDiscountTypes = immutableTypes(groupDiscountTypes, "groupDiscountTypes");
        requireFiniteAtLeast(groupDiscountExponent, 0, "groupDiscountExponent");
        if (!(Double.isFinite(scoreScale) && scoreScale > 0)) {
            throw new IllegalArgumentException("scoreScale must be finite and > 0, got " + scoreScale);
        }
        if (!(0 < coolThreshold && coolThreshold < warmThreshold && warmThreshold < strongThreshold && strongThreshold < 100)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < cool < warm < strong < 100, got "
                    + coolThreshold + ", " + warmThreshold + ", " + strongThreshold);
        }
    }

    private static void requireWholePositiveSeconds(Duration d, String name) {
        if (d.isNegative() || d.isZero() || d.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of seconds, got " + d);
        }
    }

    private static void requireFiniteAtLeast(double v, double min, String name) {
        if (!(Double.isFinite(v) && v >= min)) {
            throw new IllegalArgumentException(name + " must be finite and >= " + min + ", got " + v);
        }
    }

    private static Set<EngagementType> immutableTypes(Set<EngagementType> types, String name) {
        Objects.requireNonNull(types, name);
        EnumSet<EngagementType> copy = EnumSet.noneOf(EngagementType.class);
        copy.addAll(types);
        return Collections.unmodifiableSet(copy);
    }

    // ---- withers (for tests and for a rebuild under changed configuration) ----

    public ScoringParameters withHalfLife(Duration h) {
        return new ScoringParameters(h, baseWeights, effortScale, sentimentStep, directionFactors, longRunningTypes,
                slicePeriod, maxSlices, groupDiscountTypes, groupDiscountExponent, scoreScale, coolThreshold,
                warmThreshold, strongThreshold);
    }

    public ScoringParameters withBaseWeight(EngagementType type, double weight) {
        EnumMap<EngagementType, Double> m = new EnumMap<>(baseWeights);
        m.put(type, weight);
        return new ScoringParameters(halfLife, m, effortScale, sentimentStep, directionFactors, longRunningTypes,
                slicePeriod, maxSlices, groupDiscountTypes, groupDiscountExponent, scoreScale, coolThreshold,
                warmThreshold, strongThreshold);
    }

    public ScoringParameters withScoreScale(double k) {
        return new ScoringParameters(halfLife, baseWeights, effortScale, sentimentStep, directionFactors, longRunningTypes,
                slicePeriod, maxSlices, groupDiscountTypes, groupDiscountExponent, k, coolThreshold,
                warmThreshold, strongThreshold);
    }

    public ScoringParameters withMaxSlices(int n) {
        return new ScoringParameters(halfLife, baseWeights, effortScale, sentimentStep, directionFactors, longRunningTypes,
                slicePeriod, n, groupDiscountTypes, groupDiscountExponent, scoreScale, coolThreshold,
                warmThreshold, strongThreshold);
    }

    // ---- the factors ----

    /** Half-life in seconds. */
    public long halfLifeSeconds() {
        return halfLife.getSeconds();
    }

    public double baseWeight(EngagementType type) {
        return baseWeights.get(type);
    }

    /** {@code 1 + effortScale·log2(1 + hours)}: 1 for no recorded effort, sublinear in hours. */
    public double effortFactor(double hours) {
        if (!(hours >= 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("hours must be finite and >= 0, got " + hours);
        }
        return 1.0 + effortScale * (Math.log1p(hours) / Math.log(2.0));
    }

    /** {@code 1 + sentimentStep·(sentiment − 3)} for 1..5; {@code 1} when null. */
    public double sentimentFactor(Integer sentiment) {
        if (sentiment == null) {
            return 1.0;
        }
        if (sentiment < 1 || sentiment > 5) {
            throw new IllegalArgumentException("sentiment must be 1..5, got " + sentiment);
        }
        return 1.0 + sentimentStep * (sentiment - 3);
    }

    public double directionFactor(Direction direction) {
        return directionFactors.get(direction);
    }

    /** {@code n^(−γ)} for group-discounted types, else 1; n = distinct participants (at least 1). */
    public double groupFactor(EngagementType type, int participants) {
        if (!groupDiscountTypes.contains(type) || participants <= 1) {
            return 1.0;
        }
        return Math.pow(participants, -groupDiscountExponent);
    }

    public boolean isLongRunning(EngagementType type) {
        return longRunningTypes.contains(type);
    }

    // ---- score scale and bands ----

    /** {@code 100·(1 − e^(−S/k))}, 0 for S &le; 0. */
    public double score(double strength) {
        if (!(strength > 0)) {
            return 0.0;
        }
        return -100.0 * Math.expm1(-strength / scoreScale);
    }

    /** Inverse of {@link #score(double)}: {@code S_T = −k·ln(1 − T/100)} for T in [0, 100). */
    public double strengthForScore(double score) {
        if (!(score >= 0 && score < 100)) {
            throw new IllegalArgumentException("score must be in [0, 100), got " + score);
        }
        return -scoreScale * Math.log1p(-score / 100.0);
    }

    /** The band of a score: COLD &lt; cool &le; COOL &lt; warm &le; WARM &lt; strong &le; STRONG. */
    public Band band(double score) {
        if (score >= strongThreshold) {
            return Band.STRONG;
        }
        if (score >= warmThreshold) {
            return Band.WARM;
        }
        if (score >= coolThreshold) {
            return Band.COOL;
        }
        return Band.COLD;
    }

    /** The lowest score of a band (0 for COLD). */
    public double lowerThreshold(Band band) {
        return switch (band) {
            case COLD -> 0.0;
            case COOL -> coolThreshold;
            case WARM -> warmThreshold;
            case STRONG -> strongThreshold;
        };
    }
}
