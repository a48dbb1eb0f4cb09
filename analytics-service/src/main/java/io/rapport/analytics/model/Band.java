package io.rapport.analytics.model;

/**
 * Relationship bands, weakest first. The score thresholds that separate them are parameters
 * ({@link ScoringParameters#coolThreshold()}, {@link ScoringParameters#warmThreshold()},
 * {@link ScoringParameters#strongThreshold()}); defaults COLD &lt; 20 &le; COOL &lt; 45 &le; WARM
 * &lt; 70 &le; STRONG.
 */
public enum Band {
    COLD,
    COOL,
    WARM,
    STRONG;

    /** The band just below this one, or {@code null} for {@link #COLD}. */
    public Band lower() {
        return this == COLD ? null : values()[ordinal() - 1];
    }

    /** Whether this band is WARM or STRONG. */
    public boolean warmOrBetter() {
        return compareTo(WARM) >= 0;
    }
}
