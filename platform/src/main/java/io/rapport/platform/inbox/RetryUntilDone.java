package io.rapport.platform.inbox;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.rapport.platform.events.CloudEventCodec.MalformedEventException;

/**
 * How a consumer applies what it has already parsed: the action (one event or one batch, in one
 * transaction) is run until it succeeds, with capped exponential backoff ({@code initialBackoff},
 * doubling up to {@code maxBackoff}) and no limit on attempts, every failure logged. A database
 * outage therefore delays consumption and never sends a valid event to a dead-letter topic; the
 * record is not acknowledged meanwhile, so a crash redelivers it.
 *
 * <p>Two exceptions end the loop: a {@link MalformedEventException} (the record's own fault, for the
 * caller to dead-letter) is rethrown at once, and after {@link #stop()} (the service is shutting
 * down) a failure is rethrown instead of retried. An interrupt while waiting rethrows the failure too.
 */
public final class RetryUntilDone {

    private static final Logger LOG = Logger.getLogger(RetryUntilDone.class);

    /** Waits between attempts; a test replaces it to record the waits instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private volatile boolean stopping;

    public RetryUntilDone(Duration initialBackoff, Duration maxBackoff) {
        this(initialBackoff, maxBackoff, Thread::sleep);
    }

    public RetryUntilDone(Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and max-backoff at least initial-backoff: "
                + initialBackoff + ", " + maxBackoff);
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    /** From now on a failure is rethrown, not retried (call it when the service shuts down). */
    public void stop() {
        stopping = true;
    }

    /**
     * Runs the action until it succeeds; {@code what} names it in the log ("batch of 12 engagements",
     * "contact event 3f0c…").
     */
    public void run(String what, Runnable action) {
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                if (attempt > 1) {
                    LOG.infof("%s succeeded at attempt %d", what, attempt);
                }
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // shutting down: not acknowledged, so redelivered after the restart
                }
                LOG.warnf("%s failed (attempt %d: %s); retrying in %d ms", what, attempt, rootMessage(e), backoff);
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e) : e.getClass().getSimpleName() + " caused by " + t;
    }
}
