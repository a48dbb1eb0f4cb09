package io.rapport.analytics.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One undecayed contribution {@code weight} credited at instant {@code at}, carrying
 * {@code hoursMicros} of the engagement's effort (in millionths of an hour). A point engagement has
 * one slice; a long-running one has one per slice period of its active period. The slices of one
 * engagement carry its whole effort exactly: their micro-hours add up to the engagement's (rounded)
 * effort, so crediting and taking back effort is integer arithmetic.
 */
public record Slice(Instant at, double weight, long hoursMicros) {
    public Slice {
        Objects.requireNonNull(at, "at");
        if (!(Double.isFinite(weight) && weight >= 0)) {
            throw new IllegalArgumentException("slice weight must be finite and >= 0, got " + weight);
        }
        if (hoursMicros < 0) {
            throw new IllegalArgumentException("slice hours must be >= 0, got " + hoursMicros + " micro-hours");
        }
    }

    /** Effort hours as micro-hours (rounded to the nearest). */
    public static long micros(double hours) {
        return Math.round(hours * 1_000_000.0);
    }

    /** Micro-hours as hours. */
    public static double hours(long micros) {
        return micros / 1_000_000.0;
    }
}
