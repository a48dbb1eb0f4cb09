package io.rapport.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.platform.outbox.RelayHeaders;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.RelayRecords;
import io.rapport.testsupport.TopicProbe;

/**
 * Poison messages go to the dead-letter topics with the reason; good events after them are folded; events with the
 * outbox relay's headers are folded, not dead-lettered. Plus the API edges.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class PoisonAndApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void malformedAndUnknownEventsAreDeadLetteredAndTheConsumerCarriesOn() throws Exception {
        UUID contact = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        String badKey = "poison-" + UUID.randomUUID();
        String unknownKey = "unknown-" + UUID.randomUUID();
        String badContactKey = "poison-contact-" + UUID.randomUUID();
        EngagementSnapshot good = new EngagementSnapshot(UUID.randomUUID(), EngagementType.ONE_TO_ONE, EngagementStatus.COMPLETED,
            Instant.now().minusSeconds(86_400), null, Direction.MUTUAL, 1.0, 4, List.of(contact));
        try (TopicProbe engagementDlq = TopicProbe.atEnd(bootstrap, "rapport.engagements.v1.dlq");
             TopicProbe contactDlq = TopicProbe.atEnd(bootstrap, "rapport.contacts.v1.dlq");
             TestEvents events = new TestEvents(bootstrap)) {
            TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
            events.send(TestEvents.CONTACTS, badContactKey, "not json at all");
            events.send(TestEvents.CONTACTS, contact.toString(), TestEvents.contactCreated(contact, unit, "sam.lee@example.com"));
            events.send(TestEvents.ENGAGEMENTS, badKey, "{\"specversion\": \"1.0\", \"id\": ");
            events.send(TestEvents.ENGAGEMENTS, unknownKey, TestEvents.envelope(UUID.randomUUID().toString(),
                "/rapport/engagement-service", "rapport.engagement.teleported.v1", "engagements/x", Map.of("a", 1)));
            events.send(TestEvents.ENGAGEMENTS, good.id().toString(), TestEvents.envelope(UUID.randomUUID().toString(),
                "/rapport/engagement-service", "rapport.engagement.logged.v1", "engagements/" + good.id(),
                TestEvents.snapshot(good, 1, Map.of(contact, unit))));

            List<ConsumerRecord<String, String>> dead = engagementDlq.await(2, Duration.ofMinutes(2),
                r -> badKey.equals(r.key()) || unknownKey.equals(r.key()));
            assertEquals(2, dead.size(), "both poison messages were dead-lettered");
            for (ConsumerRecord<String, String> r : dead) {
                String reason = header(r, "dead-letter-reason");
                if (badKey.equals(r.key())) {
                    assertTrue(reason.contains("not a CloudEvents JSON envelope"), reason);
                } else {
                    assertTrue(reason.contains("unknown event type rapport.engagement.teleported.v1"), reason);
                }
            }
            List<ConsumerRecord<String, String>> deadContact = contactDlq.await(1, Duration.ofMinutes(2), r -> badContactKey.equals(r.key()));
            assertEquals(1, deadContact.size());
            assertTrue(header(deadContact.get(0), "dead-letter-reason").contains("not a CloudEvents JSON envelope"));
        }
        // the good events after the poison are folded
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        double score = 0;
        while (Instant.now().isBefore(deadline) && score == 0) {
            var response = given().get("/api/v1/relationships/" + contact);
            if (response.statusCode() == 200) {
                score = response.jsonPath().getDouble("score");
            }
            if (score == 0) {
                Thread.sleep(250);
            }
        }
        assertTrue(score > 0, "the engagement after the poison was folded");
        given().get("/api/v1/relationships?businessUnitId=" + unit).then().statusCode(200)
            .body("total", equalTo(1)).body("items[0].owner", equalTo("sam.lee@example.com"));
        given().get("/api/v1/coverage").then().statusCode(200).body("items.businessUnitId", hasItem(unit.toString()));
        given().get("/api/v1/reports/value?businessUnitId=" + unit).then().statusCode(200)
            .body("items[0].hoursMutual", equalTo(1.0f)).body("items[0].engagementsByType.ONE_TO_ONE", equalTo(1));
        given().get("/api/v1/network").then().statusCode(200).body("nodes.id", hasItem(contact.toString()));
    }

    /**
     * A contact event and an engagement event published with exactly the headers the producers' outbox relays
     * send ({@code content-type: application/cloudevents+json}, {@code ce_id}, {@code ce_type}) are folded, not
     * dead-lettered. That header set once made the connector's CloudEvents support hand consumers a
     * {@code JsonObject}, and every real event was dead-lettered while tests publishing without headers stayed
     * green; {@code cloud-events=false} on both channels guards against it.
     */
    @Test
    void eventsWithTheRelaysHeadersAreFoldedNotDeadLettered() throws Exception {
        UUID contact = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        EngagementSnapshot engagement = new EngagementSnapshot(UUID.randomUUID(), EngagementType.ONE_TO_ONE,
            EngagementStatus.COMPLETED, Instant.now().minusSeconds(86_400), null, Direction.MUTUAL, 1.0, 4, List.of(contact));
        String contactEventId = UUID.randomUUID().toString();
        String engagementEventId = UUID.randomUUID().toString();
        String contactType = "rapport.contact.created.v1";
        String engagementType = "rapport.engagement.logged.v1";
        try (TopicProbe contacts = TopicProbe.atEnd(bootstrap, TestEvents.CONTACTS);
             TopicProbe engagements = TopicProbe.atEnd(bootstrap, TestEvents.ENGAGEMENTS);
             TopicProbe contactDlq = TopicProbe.atEnd(bootstrap, "rapport.contacts.v1.dlq");
             TopicProbe engagementDlq = TopicProbe.atEnd(bootstrap, "rapport.engagements.v1.dlq");
             TestEvents events = new TestEvents(bootstrap)) {
            events.send(TestEvents.CONTACTS, contact.toString(), TestEvents.envelope(contactEventId,
                "/rapport/contacts-service", contactType, "contacts/" + contact,
                TestEvents.contact(contact, unit, "sam.lee@example.com", "INTERNAL", 1)));
            events.send(TestEvents.ENGAGEMENTS, engagement.id().toString(), TestEvents.envelope(engagementEventId,
                "/rapport/engagement-service", engagementType, "engagements/" + engagement.id(),
                TestEvents.snapshot(engagement, 1, Map.of(contact, unit))));
            assertSentWithRelayHeaders(contacts, contact.toString(), contactEventId, contactType);
            assertSentWithRelayHeaders(engagements, engagement.id().toString(), engagementEventId, engagementType);

            try {
                RebuildFixture.awaitProcessed(em, Set.of(contactEventId), Duration.ofMinutes(1));
                RebuildFixture.awaitVersions(em, Map.of(engagement.id(), 1L), Duration.ofMinutes(1));
            } catch (AssertionError notFolded) {
                // a value the consumer cannot read is dead-lettered, or, if even the dead letter cannot be
                // written, retried without end (the log says "Dead-lettering ...")
                throw new AssertionError("the events with the relay's headers were not folded; dead-letter reasons: "
                    + deadLetterReasons(contactDlq, contact.toString()) + " (contacts), "
                    + deadLetterReasons(engagementDlq, engagement.id().toString()) + " (engagements)", notFolded);
            }
            assertEquals(List.of(), deadLetterReasons(contactDlq, contact.toString()), "the contact event was not dead-lettered");
            assertEquals(List.of(), deadLetterReasons(engagementDlq, engagement.id().toString()),
                "the engagement event was not dead-lettered");
        }
    }

    /** The record of the key on the topic carries exactly the headers the relay sends for the event. */
    private static void assertSentWithRelayHeaders(TopicProbe topic, String key, String eventId, String type) {
        List<ConsumerRecord<String, String>> sent = topic.await(1, Duration.ofSeconds(30), r -> key.equals(r.key()));
        assertEquals(1, sent.size(), "the event is on the topic");
        assertEquals(RelayRecords.describe(RelayHeaders.of(eventId, type, null, null)),
            RelayRecords.describe(sent.get(0).headers()), "the event went out with exactly the relay's headers");
    }

    /** The reasons of the key's records on the dead-letter topic so far. */
    private static List<String> deadLetterReasons(TopicProbe dlq, String key) {
        return dlq.drain(Duration.ofSeconds(2), r -> key.equals(r.key())).stream()
            .map(r -> header(r, "dead-letter-reason")).toList();
    }

    @Test
    void unknownContactIs404AndBadParametersAre400WithEveryField() {
        given().get("/api/v1/relationships/" + UUID.randomUUID()).then().statusCode(404)
            .contentType("application/problem+json");
        given().get("/api/v1/relationships/not-a-uuid").then().statusCode(400)
            .body("errors.field", hasItem("contactId"));
        given().queryParam("band", "TEPID").queryParam("size", 500).queryParam("kind", "X")
            .get("/api/v1/relationships").then().statusCode(400)
            .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("band", "kind", "size"));
        given().get("/api/v1/relationships?sort=name,asc").then().statusCode(400).body("errors.field", hasItem("sort"));
        given().get("/api/v1/insights/going-cold?withinDays=0").then().statusCode(400).body("errors.field", hasItem("withinDays"));
        given().get("/api/v1/insights/going-cold?withinDays=30").then().statusCode(200);
        given().get("/api/v1/insights/expiring-stakeholders?withinDays=60").then().statusCode(200);
        given().get("/api/v1/reports/value?from=2026-12-01&to=2026-11-01").then().statusCode(400).body("errors.field", hasItem("to"));
        given().get("/api/v1/reports/value?from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
