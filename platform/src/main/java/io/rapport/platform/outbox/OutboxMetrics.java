package io.rapport.platform.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.metrics.RapportMetrics;

/**
 * The outbox's metrics: {@code rapport_outbox_backlog}, {@code rapport_outbox_oldest_age_seconds} and
 * {@code rapport_outbox_published_total{topic}} (see {@link RapportMetrics}). The relay's thread
 * refreshes the two gauges from the table at most once per {@code rapport.outbox.metrics-interval}
 * (one {@code count(*)}/{@code min(created_at)} query), so a scrape never touches the database.
 */
@ApplicationScoped
class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestCreatedMillis = new AtomicLong();
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private volatile long refreshedAt;

    OutboxMetrics(MeterRegistry registry, EntityManager entityManager, OutboxConfig config) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.config = config;
    }

    void register() {
        Gauge.builder(RapportMetrics.OUTBOX_BACKLOG, backlog, AtomicLong::get)
            .description("Outbox rows not yet acknowledged by Kafka").strongReference(true).register(registry);
        Gauge.builder(RapportMetrics.OUTBOX_OLDEST_AGE, this, OutboxMetrics::oldestAgeSeconds).baseUnit("seconds")
            .description("Age of the oldest unpublished outbox row (0: empty)").strongReference(true).register(registry);
    }

    /** One event of this topic acknowledged by Kafka. */
    void published(String topic) {
        published.computeIfAbsent(topic, t -> Counter.builder(RapportMetrics.OUTBOX_PUBLISHED)
            .tag(RapportMetrics.TOPIC, t).description("Events Kafka acknowledged, sent by this replica's relay")
            .register(registry)).increment();
    }

    /** Reads the backlog and the oldest row again if the last read is older than the interval. */
    void refreshIfDue() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < config.metricsInterval().toMillis()) {
            return;
        }
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select count(*), extract(epoch from min(created_at)) from outbox_event").getSingleResult());
            long count = ((Number) row[0]).longValue();
            oldestCreatedMillis.set(row[1] == null ? 0 : Math.round(((Number) row[1]).doubleValue() * 1000));
            backlog.set(count);
            refreshedAt = now;
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the outbox backlog (%s); the gauges keep their last values", e.getMessage());
        }
    }

    double oldestAgeSeconds() {
        long created = oldestCreatedMillis.get();
        if (created == 0 || backlog.get() == 0) {
            return 0;
        }
        return Math.max(0, Instant.now().toEpochMilli() - created) / 1000.0;
    }
}
