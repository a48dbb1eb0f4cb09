package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/**
 * The trace of a request reaches the events it caused: the outbox row keeps the W3C trace context of
 * the writing transaction and the relay sends it as the record's {@code traceparent} /
 * {@code tracestate} headers, so a consumer continues the same trace. Read from the real topic.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class TracePropagationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anEventCarriesTheTraceOfTheRequestThatCausedIt() {
        String unit = Fixtures.createUnit(null);
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            String contactId = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header("tracestate", "rapport=t61rcWkgMzE")
                .body(Fixtures.contactBody(unit)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> records = probe.await(1, Duration.ofSeconds(30),
                r -> contactId.equals(r.key()));
            assertEquals(1, records.size(), "the contact's event was published");
            String traceparent = header(records.get(0), "traceparent");
            assertNotNull(traceparent, "the record carries a traceparent header");
            String[] parts = traceparent.split("-");
            assertEquals(4, parts.length, traceparent);
            assertEquals(traceId, parts[1], "the record continues the caller's trace");
            assertNotEquals(callerSpanId, parts[2], "its parent is the service's own span, not the caller's");
            assertEquals("rapport=t61rcWkgMzE", header(records.get(0), "tracestate"), "tracestate travels with it");

            // the span the record names as its parent is this service's server span of the POST
            SpanData server = awaitSpan(s -> s.getSpanId().equals(parts[2]));
            assertEquals(SpanKind.SERVER, server.getKind());
            assertEquals(traceId, server.getTraceId());
            assertEquals(callerSpanId, server.getParentSpanId());
        }
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceThatItsEventContinues() {
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            String unitId = Fixtures.createUnit(null);
            List<ConsumerRecord<String, String>> records = probe.await(1, Duration.ofSeconds(30),
                r -> unitId.equals(r.key()));
            assertEquals(1, records.size(), "the unit's event was published");
            String traceparent = header(records.get(0), "traceparent");
            assertNotNull(traceparent, "the record carries a traceparent header");
            String[] parts = traceparent.split("-");
            SpanData server = awaitSpan(s -> s.getSpanId().equals(parts[2]));
            assertEquals(SpanKind.SERVER, server.getKind());
            assertEquals(parts[1], server.getTraceId());
            assertTrue(!server.getParentSpanContext().isValid(), "the server span is the root of a new trace");
            assertEquals(null, header(records.get(0), "tracestate"), "no tracestate when none came in");
        }
    }

    private SpanData awaitSpan(Predicate<SpanData> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems().size() + " finished spans");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(value);
    }
}
