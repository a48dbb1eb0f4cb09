package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.Scrape;
import io.restassured.http.ContentType;

/**
 * The consumer and outbox metrics on /q/metrics move with real work: contact events on the real topic,
 * a poison message, an engagement written through the API and published by the relay (README, "Metrics").
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> CONTACTS = Map.of("group", "engagement-service", "topic", ContactFixture.TOPIC);

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts() {
        return new ContactFixture(bootstrap, mapper, contactRefs);
    }

    @Test
    void foldedRecordsAndLagFollowTheConsumer() {
        Scrape start = Scrape.now();
        double folded = start.value("rapport_fold_records_total", CONTACTS);
        assertFalse(Double.isNaN(folded), "the consumer's counters exist from the start");

        UUID contact = UUID.randomUUID();
        try (ContactFixture contacts = contacts()) {
            contacts.created(contact, UUID.randomUUID());
            contacts.awaitContact(contact, c -> c.status == ContactStatus.ACTIVE);
        }

        Scrape.await("rapport_fold_records_total", CONTACTS, v -> v >= folded + 1, WAIT);
        Scrape.await("rapport_consumer_lag", CONTACTS, v -> v == 0, WAIT);
    }

    @Test
    void aPoisonMessageMovesTheDeadLetterCounter() {
        Map<String, String> malformed = with(CONTACTS, "reason", "malformed");
        Map<String, String> failed = with(CONTACTS, "reason", "failed");
        Scrape start = Scrape.now();
        double before = start.value("rapport_dead_letters_total", malformed);
        double failedBefore = start.value("rapport_dead_letters_total", failed);
        assertFalse(Double.isNaN(before), "registered at 0, so an alert sees the first dead letter");

        try (ContactFixture contacts = contacts()) {
            contacts.send(UUID.randomUUID().toString(), "this is not a CloudEvent");
        }

        Scrape.await("rapport_dead_letters_total", malformed, v -> v >= before + 1, WAIT);
        assertEquals(failedBefore, Scrape.now().value("rapport_dead_letters_total", failed),
            "an unparseable record is counted as malformed only");
    }

    @Test
    void anEngagementIsPublishedAndTheOutboxBacklogReturnsToZero() {
        Map<String, String> topic = Map.of("topic", "rapport.engagements.v1");
        double before = Scrape.now().value("rapport_outbox_published_total", topic);
        double published = Double.isNaN(before) ? 0 : before;
        UUID contact;
        try (ContactFixture contacts = contacts()) {
            contact = contacts.activeContact(UUID.randomUUID());
        }

        given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact))
            .post("/api/v1/engagements").then().statusCode(201);

        Scrape.await("rapport_outbox_published_total", topic, v -> v >= published + 1, WAIT);
        Scrape.await("rapport_outbox_backlog", Map.of(), v -> v == 0, WAIT);
        assertEquals(0.0, Scrape.now().value("rapport_outbox_oldest_age_seconds"));
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> out = new HashMap<>(labels);
        out.put(key, value);
        return out;
    }
}
