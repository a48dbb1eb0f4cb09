package io.rapport.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * The Kafka broker's state as the health group {@code broker} ({@code /q/health/group/broker}): DOWN
 * while the broker does not answer {@link BrokerProbe}. Not a readiness check: without the broker the
 * service still serves its API, which is what readiness means.
 */
@HealthGroup("broker")
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private final BrokerProbe probe;

    public BrokerHealthCheck(BrokerProbe probe) {
        this.probe = probe;
    }

    @Override
    public HealthCheckResponse call() {
        BrokerProbe.State state = probe.state();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("kafka-broker").status(state.up())
            .withData("since", state.since().toString());
        if (state.up()) {
            builder.withData("brokers", state.brokers());
        } else {
            builder.withData("failure", state.failure());
        }
        if (state.checkedAt() != null) {
            builder.withData("checkedAt", state.checkedAt().toString());
        }
        return builder.build();
    }
}
