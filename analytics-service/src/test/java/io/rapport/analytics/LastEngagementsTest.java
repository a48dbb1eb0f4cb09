package io.rapport.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TestTokens;
import io.rapport.testsupport.TopicProbe;

/**
 * {@code lastEngagements} of {@code GET /api/v1/relationships/{contactId}}: the latest state of the contact's
 * engagements, latest start first, at most 5, cancelled ones excluded; a contact without any gets an empty list;
 * the list endpoint does not carry the field; the OpenAPI example shows it.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class LastEngagementsTest {

    private static final String SOURCE = "/rapport/engagement-service";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void latestFiveByStartNewestFirstWithoutCancelledOnes() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID other = UUID.randomUUID(); // shares a forum with the contact
        UUID idle = UUID.randomUUID(); // known, no engagements
        Map<UUID, UUID> unitOf = Map.of(contact, unit, other, unit, idle, unit);
        Instant day0 = Instant.parse("2026-11-20T09:00:00Z");

        List<String[]> events = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        // 7 engagements that count, one start per day going back: d-1 .. d-7, various types/statuses.
        List<EngagementSnapshot> kept = new ArrayList<>();
        EngagementStatus[] statuses = {EngagementStatus.COMPLETED, EngagementStatus.PROPOSED, EngagementStatus.ACTIVE,
            EngagementStatus.AGREED, EngagementStatus.COMPLETED, EngagementStatus.COMPLETED, EngagementStatus.COMPLETED};
        for (int i = 0; i < 7; i++) {
            EngagementType type = i == 2 ? EngagementType.SECONDMENT : i == 3 ? EngagementType.LEADERSHIP_FORUM
                : EngagementType.ONE_TO_ONE;
            Instant start = day0.minus(Duration.ofDays(i + 1));
            Instant end = type == EngagementType.SECONDMENT ? start.plus(Duration.ofDays(60))
                : i == 0 ? start.plus(Duration.ofHours(1)) : null;
            List<UUID> participants = type == EngagementType.LEADERSHIP_FORUM ? List.of(contact, other) : List.of(contact);
            EngagementSnapshot s = new EngagementSnapshot(UUID.randomUUID(), type, statuses[i], start, end,
                Direction.values()[i % 3], i == 1 ? 0.0 : 1.5 * (i + 1), i % 2 == 0 ? 3 + (i % 3) : null, participants);
            kept.add(s);
            add(events, eventIds, "rapport.engagement.logged.v1", s, 1, unitOf);
        }
        // The second one was first logged with another start, then moved by an update (version 2): the latest state counts.
        EngagementSnapshot moved = kept.get(1);
        EngagementSnapshot before = new EngagementSnapshot(moved.id(), moved.type(), moved.status(), day0.minus(Duration.ofDays(30)),
            null, moved.direction(), moved.effortHours(), moved.sentiment(), moved.participants());
        events.set(1, new String[] {moved.id().toString(), TestEvents.envelope(eventIds.get(1), SOURCE,
            "rapport.engagement.logged.v1", "engagements/" + moved.id(), TestEvents.snapshot(before, 1, unitOf))});
        add(events, eventIds, "rapport.engagement.updated.v1", moved, 2, unitOf);
        // Two cancelled ones, both newer than everything kept: one cancelled by its event, one with the status.
        EngagementSnapshot cancelled = new EngagementSnapshot(UUID.randomUUID(), EngagementType.ONE_TO_ONE,
            EngagementStatus.COMPLETED, day0, null, Direction.MUTUAL, 1.0, 5, List.of(contact));
        add(events, eventIds, "rapport.engagement.logged.v1", cancelled, 1, unitOf);
        add(events, eventIds, "rapport.engagement.cancelled.v1", withStatus(cancelled, EngagementStatus.CANCELLED), 2, unitOf);
        EngagementSnapshot future = new EngagementSnapshot(UUID.randomUUID(), EngagementType.NETWORKING,
            EngagementStatus.CANCELLED, day0.plus(Duration.ofDays(3)), null, Direction.PMO_GAVE, 2.0, null, List.of(contact));
        add(events, eventIds, "rapport.engagement.cancelled.v1", future, 3, unitOf);
        // Someone else's engagement, newer than all of the contact's: not listed for the contact.
        add(events, eventIds, "rapport.engagement.logged.v1", new EngagementSnapshot(UUID.randomUUID(), EngagementType.ONE_TO_ONE,
            EngagementStatus.COMPLETED, day0.plus(Duration.ofDays(1)), null, Direction.MUTUAL, 1.0, 4, List.of(other)), 1, unitOf);

        TopicProbe.ensureTopic(bootstrap, TestEvents.CONTACTS);
        TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
        try (TestEvents out = new TestEvents(bootstrap)) {
            out.sendAll(TestEvents.CONTACTS, List.of(
                new String[] {contact.toString(), TestEvents.contactCreated(contact, unit, "sam.lee@example.com")},
                new String[] {other.toString(), TestEvents.contactCreated(other, unit, "sam.lee@example.com")},
                new String[] {idle.toString(), TestEvents.contactCreated(idle, unit, null)}));
            out.sendAll(TestEvents.ENGAGEMENTS, events);
        }
        RebuildFixture.awaitEnvelopesFolded(em, events.stream().map(e -> e[1]).toList(), Duration.ofMinutes(2));
        RebuildFixture.awaitContact(idle, Duration.ofMinutes(1));

        JsonNode body = TestEvents.MAPPER.readTree(given().header("Authorization", TestTokens.bearer(TestTokens.viewer()))
            .get("/api/v1/relationships/" + contact).then().statusCode(200).extract().asString());
        JsonNode last = body.get("lastEngagements");
        assertEquals(5, last.size(), "at most 5: " + last);
        for (int i = 0; i < 5; i++) {
            EngagementSnapshot s = kept.get(i); // kept is already newest start first
            JsonNode e = last.get(i);
            assertEquals(s.id().toString(), e.get("engagementId").asText(), "position " + i + ": " + last);
            assertEquals(s.type().name(), e.get("type").asText());
            assertEquals(s.status().name(), e.get("status").asText());
            assertEquals(s.startAt(), Instant.parse(e.get("startAt").asText()));
            assertEquals(String.valueOf(s.endAt()), e.get("endAt").isNull() ? "null" : Instant.parse(e.get("endAt").asText()).toString());
            assertEquals(s.direction().name(), e.get("direction").asText());
            assertEquals(s.effortHours(), e.get("effortHours").doubleValue(), 0.0);
            assertEquals(String.valueOf(s.sentiment()), e.get("sentiment").isNull() ? "null" : e.get("sentiment").asText());
            assertFalse(e.has("title"), "analytics holds no titles");
        }
        for (int i = 1; i < last.size(); i++) {
            assertTrue(!Instant.parse(last.get(i - 1).get("startAt").asText()).isBefore(Instant.parse(last.get(i).get("startAt").asText())),
                "newest start first: " + last);
        }

        JsonNode none = TestEvents.MAPPER.readTree(given().get("/api/v1/relationships/" + idle)
            .then().statusCode(200).extract().asString());
        assertTrue(none.get("lastEngagements").isArray());
        assertEquals(0, none.get("lastEngagements").size());

        // Only on the single-relationship endpoint.
        JsonNode page = TestEvents.MAPPER.readTree(given().queryParam("size", 200).get("/api/v1/relationships")
            .then().statusCode(200).extract().asString());
        assertTrue(page.get("items").size() >= 3);
        page.get("items").forEach(item -> assertFalse(item.has("lastEngagements"), "the list carries no lastEngagements"));
    }

    @Test
    void theOpenApiDocumentShowsLastEngagementsWithAnExample() throws Exception {
        JsonNode doc = TestEvents.MAPPER.readTree(given().queryParam("format", "json").get("/q/openapi")
            .then().statusCode(200).extract().asString());
        JsonNode content = doc.at("/paths/~1api~1v1~1relationships~1{contactId}/get/responses/200/content/application~1json");
        JsonNode example = content.path("examples").elements().next().get("value");
        JsonNode value = example.isTextual() ? TestEvents.MAPPER.readTree(example.asText()) : example;
        assertEquals(2, value.get("lastEngagements").size(), "example: " + value);
        assertTrue(doc.at("/components/schemas/RelationshipDetail/properties").has("lastEngagements"));
        assertTrue(doc.at("/components/schemas/RelationshipDetail/required").toString().contains("\"lastEngagements\""),
            "the single relationship always carries lastEngagements");
        assertFalse(doc.at("/components/schemas/Relationship/properties").has("lastEngagements"),
            "a list item does not declare what it never carries");
        assertTrue(doc.at("/components/schemas/EngagementSummary/properties").has("effortHours"));
        JsonNode listExample = doc.at("/paths/~1api~1v1~1relationships/get/responses/200/content/application~1json")
            .path("examples").elements().next().get("value");
        JsonNode listValue = listExample.isTextual() ? TestEvents.MAPPER.readTree(listExample.asText()) : listExample;
        assertFalse(listValue.get("items").get(0).has("lastEngagements"));
    }

    private static EngagementSnapshot withStatus(EngagementSnapshot s, EngagementStatus status) {
        return new EngagementSnapshot(s.id(), s.type(), status, s.startAt(), s.endAt(), s.direction(), s.effortHours(),
            s.sentiment(), s.participants());
    }

    private static void add(List<String[]> events, List<String> ids, String type, EngagementSnapshot s, long version,
                            Map<UUID, UUID> unitOf) {
        String eventId = UUID.randomUUID().toString();
        Object data = TestEvents.snapshot(s, version, unitOf);
        if (type.endsWith("updated.v1")) {
            var d = TestEvents.MAPPER.createObjectNode();
            d.set("previous", TestEvents.snapshot(s, version - 1, unitOf));
            d.set("current", TestEvents.snapshot(s, version, unitOf));
            data = d;
        }
        ids.add(eventId);
        events.add(new String[] {s.id().toString(), TestEvents.envelope(eventId, SOURCE, type, "engagements/" + s.id(), data)});
    }

}
