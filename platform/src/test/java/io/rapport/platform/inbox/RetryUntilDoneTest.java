package io.rapport.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.rapport.platform.events.CloudEventCodec.MalformedEventException;

class RetryUntilDoneTest {

    private final List<Long> waits = new ArrayList<>();
    private final RetryUntilDone retry = new RetryUntilDone(Duration.ofMillis(500), Duration.ofSeconds(30), waits::add);

    @Test
    void retriesWithoutLimitDoublingTheWaitUpToTheCap() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("batch", () -> {
            if (calls.incrementAndGet() <= 12) {
                throw new IllegalStateException("database unavailable");
            }
        });
        assertEquals(13, calls.get(), "twelve failures, then success: no limit on attempts");
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L, 30000L, 30000L, 30000L),
            waits);
    }

    @Test
    void aSuccessAtOnceWaitsForNothing() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("event", calls::incrementAndGet);
        assertEquals(1, calls.get());
        assertEquals(List.of(), waits);
    }

    @Test
    void aMalformedEventIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        MalformedEventException malformed = new MalformedEventException("lacks contactId", null);
        MalformedEventException thrown = assertThrows(MalformedEventException.class, () -> retry.run("event", () -> {
            calls.incrementAndGet();
            throw malformed;
        }));
        assertSame(malformed, thrown);
        assertEquals(1, calls.get());
        assertEquals(List.of(), waits);
    }

    @Test
    void onceStoppedAFailureIsRethrown() {
        AtomicInteger calls = new AtomicInteger();
        RetryUntilDone stoppingAfterTwo = new RetryUntilDone(Duration.ofMillis(1), Duration.ofMillis(4), millis -> {
            waits.add(millis);
            if (waits.size() == 2) {
                // the service begins shutting down while the action waits
                stopNow();
            }
        });
        holder = stoppingAfterTwo;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stoppingAfterTwo.run("batch", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        }));
        assertEquals("down", e.getMessage());
        assertEquals(3, calls.get(), "the attempt after stop() fails and is not retried");
        assertEquals(List.of(1L, 2L), waits);
    }

    @Test
    void anInterruptWhileWaitingRethrowsTheFailure() {
        RetryUntilDone interrupted = new RetryUntilDone(Duration.ofMillis(1), Duration.ofMillis(1), millis -> {
            throw new InterruptedException();
        });
        assertThrows(IllegalStateException.class, () -> interrupted.run("batch", () -> {
            throw new IllegalStateException("down");
        }));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void refusesANonPositiveOrInvertedBackoff() {
        assertThrows(IllegalArgumentException.class, () -> new RetryUntilDone(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryUntilDone(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void theLogNamesTheRootCause() {
        RuntimeException wrapped = new RuntimeException("tx failed", new java.sql.SQLException("connection refused"));
        assertEquals("RuntimeException caused by java.sql.SQLException: connection refused", RetryUntilDone.rootMessage(wrapped));
    }

    private RetryUntilDone holder;

    private void stopNow() {
        holder.stop();
    }
}
