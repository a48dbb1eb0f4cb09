package io.rapport.analytics.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.rapport.platform.metrics.RapportMetrics;

/**
 * {@code rapport_rebuild_progress}: the rebuild's progress as every replica sees it (the status row in the
 * database, read at most every 5 s): 0 never run (or just started), the share of records folded while it
 * runs, 1 once done; a FAILED run keeps the share it reached.
 */
@ApplicationScoped
public class RebuildMetrics {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final RebuildService rebuild;
    private final MeterRegistry registry;
    private volatile double value;
    private volatile Instant readAt = Instant.EPOCH;

    public RebuildMetrics(RebuildService rebuild, MeterRegistry registry) {
        this.rebuild = rebuild;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder(RapportMetrics.REBUILD_PROGRESS, this, RebuildMetrics::progress)
            .description("Records folded by the rebuild over the records to fold (1 once done)").strongReference(true)
            .register(registry);
    }

    double progress() {
        if (Instant.now().isAfter(readAt.plus(CACHE))) {
            try {
                RebuildService.Progress p = rebuild.progress();
                value = p.status() == RebuildService.Status.DONE ? 1.0 : p.total() == 0 ? 0.0 : Math.min(1.0, (double) p.folded() / p.total());
            } catch (RuntimeException e) {
                // the database is away: keep the last value
            }
            readAt = Instant.now();
        }
        return value;
    }
}
