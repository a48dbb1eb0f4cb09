package io.rapport.analytics.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Now" for the fold and the reads, in microseconds (what {@code timestamptz} keeps), so an instant
 * stored as a credit horizon compares exactly with the slices it covers. The tests replace it to
 * evaluate at chosen instants.
 */
@ApplicationScoped
public class AnalyticsClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
