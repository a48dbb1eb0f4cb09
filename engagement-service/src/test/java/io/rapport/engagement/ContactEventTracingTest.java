package io.rapport.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * A contact event that carries a W3C {@code traceparent} header (as contacts-service's outbox relay
 * sends it) is consumed in a span of the same trace, a child of the producer's span.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactEventTracingTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts;

    @BeforeEach
    void open() {
        contacts = new ContactFixture(bootstrap, mapper, contactRefs);
    }

    @AfterEach
    void close() {
        contacts.close();
    }

    @Test
    void consumingAnEventContinuesTheTraceItCarries() {
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);
        UUID contact = UUID.randomUUID();
        var event = contacts.envelope(UUID.randomUUID().toString(), "rapport.contact.created.v1", "contacts/" + contact,
            contacts.contactData(contact, UUID.randomUUID(), "ACTIVE", 1));
        contacts.send(contact.toString(), event.toString(), "00-" + traceId + "-" + producerSpanId + "-01", null);
        contacts.awaitContact(contact, c -> c.contactVersion == 1);

        SpanData consumer = awaitSpan(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER);
        assertEquals(producerSpanId, consumer.getParentSpanId(), "the consumer span is a child of the producer's span");
        assertEquals(ContactFixture.TOPIC, consumer.getAttributes().asMap().entrySet().stream()
            .filter(e -> e.getKey().getKey().equals("messaging.destination.name"))
            .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null), "the span names the topic");
    }

    private SpanData awaitSpan(Predicate<SpanData> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            ContactFixture.sleep(100);
        }
        throw new AssertionError("no such span among " + spans.getFinishedSpanItems().size() + " finished spans: "
            + spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CONSUMER).limit(3).toList());
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1;
        return HexFormat.of().formatHex(value);
    }
}
