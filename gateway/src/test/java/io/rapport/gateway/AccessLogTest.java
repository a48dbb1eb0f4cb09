package io.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access log without Quarkus: records are queued by the caller and published later, as the caller made them. */
class AccessLogTest {

    /** What a handler of the category received, and on which thread it was published. */
    record Published(ExtLogRecord record, String publishingThread) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private String category;
    private Logger logger;
    private ExtHandler capture;

    @BeforeEach
    void captureTheCategory() {
        category = "test.access." + UUID.randomUUID();
        logger = Logger.getLogger(category);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                published.add(new Published(record, Thread.currentThread().getName()));
            }
        };
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void linesArePublishedOnFlushInOrderWithTheCallersTimeThreadAndRequestId() throws Exception {
        AccessLog log = new AccessLog(category, 100, null);
        Instant before = Instant.now();
        Thread loop = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                MDC.put("requestId", "req-" + i);
                log.info("GET /api/v1/contacts/" + i + " -> contacts 200 in 1 ms");
                MDC.remove("requestId");
            }
            log.warn("GET /api/v1/coverage -> 503 (gateway: analytics service is unavailable)");
        }, "vert.x-eventloop-thread-7");
        loop.start();
        loop.join();
        Instant queued = Instant.now();
        assertTrue(published.isEmpty(), "nothing is published on the caller's thread");
        assertEquals(4, log.pendingCount());

        Thread.sleep(5); // publication happens later than the requests
        log.flush();

        assertEquals(4, published.size());
        assertEquals(0, log.pendingCount());
        for (int i = 0; i < 3; i++) {
            ExtLogRecord r = published.get(i).record();
            assertEquals("GET /api/v1/contacts/" + i + " -> contacts 200 in 1 ms", r.getFormattedMessage());
            assertEquals(Level.INFO, r.getLevel());
            assertEquals("req-" + i, r.getMdc("requestId"), "the request id of the request, not of the writer");
            assertEquals("vert.x-eventloop-thread-7", r.getThreadName());
            assertEquals(category, r.getLoggerName());
            assertFalse(r.getInstant().isBefore(before));
            assertFalse(r.getInstant().isAfter(queued), "the instant of the request, not of the publication");
            assertEquals(Thread.currentThread().getName(), published.get(i).publishingThread());
        }
        assertEquals(Level.WARNING, published.get(3).record().getLevel());
        assertEquals(null, published.get(3).record().getMdc("requestId"));
    }

    @Test
    void beyondTheBoundLinesAreDroppedAndCounted() {
        AccessLog log = new AccessLog(category, 2, null);
        for (int i = 0; i < 5; i++) {
            log.info("line " + i);
        }
        assertEquals(2, log.pendingCount());
        log.flush();
        assertEquals(List.of("line 0", "line 1", "3 access log lines dropped: more than 2 were waiting for the writer"),
            published.stream().map(p -> p.record().getFormattedMessage()).toList());
        assertEquals(Level.WARNING, published.get(2).record().getLevel());

        published.clear();
        log.info("line 5");
        log.flush();
        assertEquals(List.of("line 5"), published.stream().map(p -> p.record().getFormattedMessage()).toList(),
            "the count starts again after it was reported");
    }

    @Test
    void aLevelAboveInfoTurnsThePerRequestLinesOff() {
        logger.setLevel(Level.WARNING);
        AccessLog log = new AccessLog(category, 100, null);
        log.info("GET /api/v1/network -> analytics 200 in 3 ms");
        log.warn("GET /api/v1/network -> 504 (gateway: analytics service did not answer in time)");
        assertEquals(1, log.pendingCount());
        log.flush();
        assertEquals(1, published.size());
        assertEquals(Level.WARNING, published.get(0).record().getLevel());
    }

    @Test
    void theWriterThreadPublishesWithoutAFlushByHandAndCloseFlushesTheRest() throws Exception {
        AccessLog log = new AccessLog(category, 100, Duration.ofMillis(20));
        try {
            log.info("first");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, published.size(), "published by the writer within its interval");
            assertEquals("access-log-writer", published.get(0).publishingThread());
        } finally {
            log.info("last");
            log.close();
        }
        assertEquals("last", published.get(published.size() - 1).record().getFormattedMessage(), "close publishes what waits");
        log.info("after close");
        assertEquals("after close", published.get(published.size() - 1).record().getFormattedMessage(),
            "a request finishing during shutdown is still logged, on its own thread");
        assertEquals(0, log.pendingCount());
    }
}
