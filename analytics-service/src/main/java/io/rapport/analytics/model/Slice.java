package io.rapport.analytics.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One undecayed contribution {@code weight} credited at instant {@code at}. A point engagement has
 * one slice; a long-running one has one per slice period of its active period.
 */
public record Slice(Instant at, double weight) {
    public Slice {
        Objects.requireNonNull(at, "at");
        if (!(Double.isFinite(weight) && weight > 0)) {
            throw new IllegalArgumentException("slice weight must be finite and > 0, got " + weight);
        }
    }
}
