package io.rapport.gateway;

import java.util.function.LongSupplier;

/**
 * A small per-upstream circuit breaker: CLOSED until {@code threshold} consecutive failures, then
 * OPEN (callers fail at once) for {@code openNanos}, then HALF_OPEN: one trial request goes
 * through; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, long openNanos, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openNanos;
        this.nanoClock = nanoClock;
    }

    /** May a request go to the upstream now? A true answer must be followed by success() or failure(). */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        state = State.CLOSED;
        trialInFlight = false;
    }

    public synchronized void failure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    /** Gives back a permit that ended neither in success nor in failure (e.g. the client's body was too large). */
    public synchronized void release() {
        trialInFlight = false;
    }

    /** Seconds until a trial request will be let through (for Retry-After); 0 unless OPEN. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 0;
        }
        long left = openNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized State state() {
        return state;
    }
}
