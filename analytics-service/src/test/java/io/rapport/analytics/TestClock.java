package io.rapport.analytics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.rapport.analytics.service.AnalyticsClock;

/**
 * The tests' clock: real time unless a test pins "now" (the fold's credit horizon and the reads'
 * evaluation instant) with {@link #pin}; {@link #unpin} in an {@code @AfterEach}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends AnalyticsClock {

    private static volatile Instant pinned;

    public static void pin(Instant now) {
        pinned = now.truncatedTo(ChronoUnit.MICROS);
    }

    public static void unpin() {
        pinned = null;
    }

    @Override
    public Instant now() {
        Instant p = pinned;
        return p != null ? p : super.now();
    }
}
