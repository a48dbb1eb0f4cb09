package io.rapport.analytics.model;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A business unit's strength from its contacts' scores: a noisy-OR,
 * {@code 100·(1 − Π(1 − s_i/100))}: the probability-style "at least one of them holds", so one
 * strong contact covers a unit, many weak ones add up only slowly, and the result is never below
 * the strongest contact's score.
 */
public final class Coverage {

    private Coverage() {
    }

    /**
     * @param strength           noisy-OR of the contact scores, 0..100 (0 without contacts)
     * @param strongestContactId contact with the highest score (lowest id among equals); null without contacts
     * @param warmContacts       contacts WARM or STRONG
     * @param gap                no contact WARM or better
     * @param singlePoint        exactly one contact WARM or better
     */
    public record UnitCoverage(double strength, UUID strongestContactId, int warmContacts, boolean gap, boolean singlePoint) {
    }

    /** {@code 100·(1 − Π(1 − s_i/100))}, scores clamped to [0, 100]; never below the maximum score. */
    public static double noisyOr(Collection<Double> scores) {
        double notCovered = 1.0;
        double max = 0.0;
        for (Double s : scores) {
            double v = clamp(Objects.requireNonNull(s, "score"));
            max = Math.max(max, v);
            notCovered *= 1.0 - v / 100.0;
        }
        return Math.max(max, 100.0 * (1.0 - notCovered));
    }

    /** Coverage of one unit from its contacts' scores. */
    public static UnitCoverage of(Map<UUID, Double> contactScores, ScoringParameters params) {
        UUID strongest = null;
        double best = -1;
        int warm = 0;
        for (Map.Entry<UUID, Double> e : contactScores.entrySet()) {
            double s = clamp(e.getValue());
            if (s > best || (s == best && e.getKey().compareTo(strongest) < 0)) {
                best = s;
                strongest = e.getKey();
            }
            if (params.band(s).warmOrBetter()) {
                warm++;
            }
        }
        return new UnitCoverage(noisyOr(contactScores.values()), strongest, warm, warm == 0, warm == 1);
    }

    private static double clamp(double s) {
        if (Double.isNaN(s)) {
            throw new IllegalArgumentException("score is NaN");
        }
        return Math.max(0.0, Math.min(100.0, s));
    }
}
