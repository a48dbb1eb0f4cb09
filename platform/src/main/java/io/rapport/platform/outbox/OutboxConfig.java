package io.rapport.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The outbox relay's settings ({@code rapport.outbox.*}). */
@ConfigMapping(prefix = "rapport.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of this service's events, e.g. {@code /rapport/contacts-service}. */
    String source();

    /** Whether the relay runs (it does in every real deployment). */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per transaction. */
    @WithName("batch-size")
    @WithDefault("500")
    int batchSize();

    /** Sweep interval when nothing wakes the relay (commits wake it at once). */
    @WithName("poll-interval")
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithName("max-backoff")
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long one send may take before it counts as failed and is retried later. */
    @WithName("delivery-timeout")
    @WithDefault("15s")
    Duration deliveryTimeout();

    /** How often the relay reads the backlog and its oldest row for the metrics. */
    @WithName("metrics-interval")
    @WithDefault("5s")
    Duration metricsInterval();
}
