package io.rapport.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Whether the Kafka broker answers, asked every {@code rapport.broker-health.interval} (default 5 s) by
 * a small admin client ({@code describeCluster}, within {@code rapport.broker-health.timeout}, default
 * 3 s), on a thread of its own. The answer is the health group {@code broker}
 * ({@code /q/health/group/broker}, {@link BrokerHealthCheck}) and the gauge {@code rapport.broker.up}
 * (1 or 0; Prometheus {@code rapport_broker_up}). It is deliberately not part of readiness: a service
 * serves its API without the broker (writes go to the outbox, consumers resume where they were).
 */
@ApplicationScoped
public class BrokerProbe {

    private static final Logger LOG = Logger.getLogger(BrokerProbe.class);

    /** The last answer: reachable or not, since when, and the cluster's broker count or the reason. */
    public record State(boolean up, Instant since, int brokers, String failure, Instant checkedAt) {
    }

    private final Map<String, Object> kafkaDefaults;
    private final Duration interval;
    private final Duration timeout;
    private final MeterRegistry registry;
    private volatile State state = new State(false, Instant.now(), 0, "not checked yet", null);
    private ScheduledExecutorService scheduler;
    private Admin admin;

    public BrokerProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults,
        @ConfigProperty(name = "rapport.broker-health.interval", defaultValue = "PT5S") Duration interval,
        @ConfigProperty(name = "rapport.broker-health.timeout", defaultValue = "PT3S") Duration timeout,
        MeterRegistry registry) {
        this.kafkaDefaults = kafkaDefaults;
        this.interval = interval;
        this.timeout = timeout;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("rapport.broker.up", this, p -> p.state.up() ? 1 : 0)
            .description("1 when the Kafka broker answered the last probe, else 0").register(registry);
        admin = Admin.create(adminProperties());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-probe");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    public State state() {
        return state;
    }

    void probe() {
        Instant now = Instant.now();
        State before = state;
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            state = new State(true, before.up() ? before.since() : now, brokers, null, now);
            if (!before.up()) {
                LOG.infof("Kafka broker reachable (%d broker(s))", brokers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
            state = new State(false, before.up() || before.checkedAt() == null ? now : before.since(), 0, reason, now);
            if (before.up() || before.checkedAt() == null) {
                LOG.warnf("Kafka broker unreachable: %s", reason);
            }
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        kafkaDefaults.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        int timeoutMs = (int) timeout.toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMs));
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-probe");
        return props;
    }
}
