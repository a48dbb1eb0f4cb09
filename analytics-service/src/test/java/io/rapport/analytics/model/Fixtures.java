package io.rapport.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders for tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    static final ScoringParameters P = ScoringParameters.defaults();
    static final Duration H = P.halfLife();

    private Fixtures() {
    }

    static UUID uuid(int n) {
        return new UUID(0L, n);
    }

    static EngagementSnapshot point(UUID id, EngagementType type, Instant at, Direction dir, Double hours, Integer sentiment, UUID... contacts) {
        return new EngagementSnapshot(id, type, EngagementStatus.COMPLETED, at, null, dir, hours, sentiment, List.of(contacts));
    }

    static EngagementSnapshot oneToOne(UUID id, Instant at, UUID... contacts) {
        return point(id, EngagementType.ONE_TO_ONE, at, Direction.PMO_GAVE, 1.0, null, contacts);
    }

    static EngagementSnapshot longRunning(UUID id, EngagementType type, EngagementStatus status, Instant start, Instant end,
            Direction dir, Double hours, UUID... contacts) {
        return new EngagementSnapshot(id, type, status, start, end, dir, hours, null, List.of(contacts));
    }

    static EngagementSnapshot withStatus(EngagementSnapshot e, EngagementStatus status) {
        return new EngagementSnapshot(e.id(), e.type(), status, e.startAt(), e.endAt(), e.direction(), e.effortHours(),
                e.sentiment(), e.participants());
    }

    static EngagementSnapshot withStart(EngagementSnapshot e, Instant start) {
        return new EngagementSnapshot(e.id(), e.type(), e.status(), start, e.endAt(), e.direction(), e.effortHours(),
                e.sentiment(), e.participants());
    }

    static EngagementSnapshot withParticipants(EngagementSnapshot e, UUID... contacts) {
        return new EngagementSnapshot(e.id(), e.type(), e.status(), e.startAt(), e.endAt(), e.direction(), e.effortHours(),
                e.sentiment(), List.of(contacts));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static void assertRelClose(double expected, double actual, double rel, String what) {
        double tol = rel * Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= tol) && !(expected == actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative tolerance " + rel + ")");
        }
    }
}
