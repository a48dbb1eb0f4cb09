package io.rapport.gateway;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/**
 * The gateway's per-request log lines (category {@value #CATEGORY}), taken off the event loops.
 *
 * <p>Logging a line on the event loop through the asynchronous console handler cost about a fifth of the
 * gateway's CPU per proxied request (measured, see the README's Latency section): each line woke the log
 * thread, which then formatted and wrote that one line and went back to sleep. Here an event loop only builds
 * the record (its time, thread name and MDC, so request id and trace id, are taken at once) and queues it,
 * without waking anyone; a writer thread publishes the queued records through the normal logging set-up
 * (same format, levels and handlers) every {@link GatewayConfig.AccessLogSettings#flushInterval()}. Lines therefore
 * appear up to that interval late, in order, each with the instant of its request.
 *
 * <p>At most {@link GatewayConfig.AccessLogSettings#maxPending()} records wait; beyond that (the writer cannot keep
 * up) lines are dropped and counted, and the writer reports the count in a WARN line. Raising the category's
 * level above INFO turns the per-request lines off (failures are logged at WARN).
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "io.rapport.gateway.access";
    private static final String LOGGER_CLASS = AccessLog.class.getName();

    private final Logger logger;
    private final int maxPending;
    private final ConcurrentLinkedQueue<ExtLogRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ScheduledExecutorService writer;
    private volatile boolean closed;

    @Inject
    public AccessLog(GatewayConfig config) {
        this(CATEGORY, config.accessLog().maxPending(), config.accessLog().flushInterval());
    }

    /** A log on any category; {@code flushInterval} null: no writer thread ({@link #flush()} by hand, tests). */
    AccessLog(String category, int maxPending, Duration flushInterval) {
        this.logger = Logger.getLogger(category);
        this.maxPending = maxPending;
        if (flushInterval == null) {
            this.writer = null;
        } else {
            this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "access-log-writer");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, flushInterval.toMillis());
            writer.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public void info(String message) {
        add(Level.INFO, message);
    }

    public void warn(String message) {
        add(Level.WARNING, message);
    }

    private void add(Level level, String message) {
        if (!logger.isLoggable(level)) {
            return;
        }
        if (size.incrementAndGet() > maxPending) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        ExtLogRecord record = new ExtLogRecord(level, message, ExtLogRecord.FormatStyle.NO_FORMAT, LOGGER_CLASS);
        record.setLoggerName(logger.getName());
        record.disableCallerCalculation();
        record.copyMdc(); // request id and trace id of the request, read now on its thread
        pending.add(record);
        if (closed) { // shut down (closed is set before close's last flush): no writer any more, publish here
            flush();
        }
    }

    /** Publishes every queued record, oldest first, then the number of dropped lines if any. */
    void flush() {
        ExtLogRecord record;
        while ((record = pending.poll()) != null) {
            size.decrementAndGet();
            logger.logRaw(record);
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            logger.warning(lost + " access log lines dropped: more than " + maxPending + " were waiting for the writer");
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // a failing handler must not end the writer's schedule; the handler reports its own errors
        }
    }

    int pendingCount() {
        return size.get();
    }

    @PreDestroy
    void close() {
        closed = true;
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }
}
