package io.rapport.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.rapport.platform.outbox.OutboxRelay;

/**
 * Reports the outbox relay: how many events it published and its last failure. A broker outage
 * does not make the service unhealthy (writes go on into the outbox); it shows here.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox-relay").up()
            .withData("published", relay.publishedCount());
        String failure = relay.lastFailure();
        if (failure != null) {
            builder.withData("lastFailure", failure);
        }
        return builder.build();
    }
}
