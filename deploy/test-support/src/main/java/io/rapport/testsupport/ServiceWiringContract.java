package io.rapport.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.outbox.OutboundEvent;
import io.rapport.platform.outbox.Outbox;
import io.restassured.RestAssured;

/**
 * The wiring every service with a database and events must prove, against real PostgreSQL and a
 * real broker: migrations applied, an event written to the outbox in a transaction arrives on the
 * topic through the relay, and the management endpoints answer. A service's test class extends it
 * and carries {@code @QuarkusTest} and the {@link RapportInfrastructureResource}.
 */
public abstract class ServiceWiringContract {

    static final String WIRING_TOPIC = "rapport.wiring-check.v1";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void flywayAppliedThePlatformMigration() {
        Number applied = (Number) entityManager.createNativeQuery(
                "select count(*) from flyway_schema_history where success and script like '%platform_outbox%'")
            .getSingleResult();
        assertEquals(1, applied.intValue());
        Number tables = (Number) entityManager.createNativeQuery(
                "select count(*) from information_schema.tables where table_name in ('outbox_event', 'processed_event')")
            .getSingleResult();
        assertEquals(2, tables.intValue());
    }

    @Test
    void anEventWrittenToTheOutboxRoundTripsThroughTheBroker() throws Exception {
        String aggregateId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, WIRING_TOPIC)) {
            CloudEvent written = QuarkusTransaction.requiringNew().call(() -> outbox.publish(new OutboundEvent(
                WIRING_TOPIC, aggregateId, "rapport.wiring.checked.v1", "wiring/" + aggregateId, null,
                Map.of("aggregateId", aggregateId))));

            List<ConsumerRecord<String, String>> received =
                probe.await(1, Duration.ofSeconds(30), r -> aggregateId.equals(r.key()));
            assertEquals(1, received.size(), "the event reached the topic exactly once");
            JsonNode envelope = mapper.readTree(received.get(0).value());
            assertEquals(written.id(), envelope.get("id").asText());
            assertEquals("rapport.wiring.checked.v1", envelope.get("type").asText());
            assertEquals("1.0", envelope.get("specversion").asText());
            assertEquals(aggregateId, envelope.get("data").get("aggregateId").asText());
        }
        Number pending = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
            .createNativeQuery("select count(*) from outbox_event where message_key = :key")
            .setParameter("key", aggregateId).getSingleResult());
        assertEquals(0, pending.intValue(), "the relay removed the acknowledged row");
    }

    @Test
    void healthOpenApiAndMetricsAnswer() {
        Management.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200)
            .extract().asString();
        assertTrue(openapi.contains("\"openapi\""), "an OpenAPI document");
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        assertNotEquals(RestAssured.port, Management.port(), "a port of its own");
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            TestTokens.anonymous().get(path).then().statusCode(404);
        }
    }
}
