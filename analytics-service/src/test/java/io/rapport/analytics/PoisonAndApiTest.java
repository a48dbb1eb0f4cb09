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
import java.util.UUID;

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
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;

/** Poison messages go to the dead-letter topics with the reason; good events after them are folded. Plus the API edges. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class PoisonAndApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

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
