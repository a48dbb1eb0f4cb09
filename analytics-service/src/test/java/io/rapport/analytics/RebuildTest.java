package io.rapport.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.analytics.service.RebuildService;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * Rebuild from offset 0: same answers as the live fold; reads during the rebuild answer from the old
 * tables (here deliberately damaged, so old and rebuilt answers differ); an event folded live while the
 * rebuild runs is not lost by the switch; a second rebuild while one runs is 409.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class RebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ScoringParameters params;

    @Inject
    RebuildService rebuild;

    @BeforeEach
    void pinClock() {
        TestClock.pin(RebuildFixture.AT);
    }

    @AfterEach
    void unpinClock() {
        TestClock.unpin();
    }

    @Test
    void rebuildGivesTheSameAnswersAndReadsDuringItUseTheOldTables() throws Exception {
        RebuildFixture f = new RebuildFixture(20261126L, 12, 150);
        f.publishAndAwait(bootstrap, em);

        Map<UUID, JsonNode> before = new HashMap<>();
        for (UUID c : f.contacts) {
            before.put(c, RebuildFixture.relationship(c));
        }
        RelationshipModel model = f.model(params);
        UUID damaged = f.contacts.stream().filter(c -> before.get(c).get("score").doubleValue() > 0).findFirst().orElseThrow();
        for (UUID c : f.contacts) {
            assertEquals(model.relationship(c, RebuildFixture.AT).score(), before.get(c).get("score").doubleValue(), 1e-9);
        }

        // Damage the live tables (as a lost or corrupted fold would): the contact loses its engagements.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
            "delete from engagement_participant where contact_id = :c").setParameter("c", damaged).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update relationship set frame = 0, s_sum = 0,"
            + " s_comp = 0, l = null, slices = 0 where contact_id = :c").setParameter("c", damaged).executeUpdate());
        assertEquals(0.0, RebuildFixture.relationship(damaged).get("score").doubleValue());

        CountDownLatch hold = rebuild.holdBeforeSwitch();
        try {
            given().post("/api/v1/admin/rebuild").then().statusCode(202).body("status", equalTo("RUNNING"));
            RebuildFixture.await("rebuild folded the history", Duration.ofMinutes(5), rebuild::holding);

            JsonNode running = RebuildFixture.rebuildStatus();
            assertEquals("RUNNING", running.get("status").asText());
            assertTrue(running.get("total").longValue() >= f.events.size() + f.contacts.size(), running.toString());
            assertTrue(running.get("folded").longValue() >= f.events.size(), running.toString());
            // Reads during the rebuild answer from the old (damaged) tables.
            assertEquals(0.0, RebuildFixture.relationship(damaged).get("score").doubleValue());
            given().post("/api/v1/admin/rebuild").then().statusCode(409)
                .contentType(startsWith("application/problem+json"));

            // An event folded by the live consumer while the rebuild runs (into the old tables) must survive the switch.
            UUID fresh = UUID.randomUUID();
            EngagementSnapshot late = new EngagementSnapshot(fresh, EngagementType.ONE_TO_ONE, EngagementStatus.COMPLETED,
                RebuildFixture.AT.minus(Duration.ofDays(2)), null, Direction.MUTUAL, 2.0, 5, java.util.List.of(f.contacts.get(0)));
            String eventId = UUID.randomUUID().toString();
            try (TestEvents out = new TestEvents(bootstrap)) {
                out.send(TestEvents.ENGAGEMENTS, fresh.toString(), TestEvents.envelope(eventId, "/rapport/engagement-service",
                    "rapport.engagement.logged.v1", "engagements/" + fresh, TestEvents.snapshot(late, 1, f.unitOf)));
            }
            RebuildFixture.awaitVersions(em, Map.of(fresh, 1L), Duration.ofMinutes(1));
            model.apply(io.rapport.analytics.model.EngagementEvent.logged(eventId, 1, late));
        } finally {
            hold.countDown();
        }
        RebuildFixture.awaitRebuildDone();

        // After the switch: the damage is repaired, every answer is the model's, and the late event is there.
        for (UUID c : f.contacts) {
            JsonNode after = RebuildFixture.relationship(c);
            RelationshipScore expected = model.relationship(c, RebuildFixture.AT);
            assertEquals(expected.score(), after.get("score").doubleValue(), 1e-9, "score of " + c);
            assertEquals(expected.trend(), after.get("trend").doubleValue(), 1e-9, "trend of " + c);
            assertEquals(expected.band().name(), after.get("band").asText());
            assertEquals(String.valueOf(expected.dropsOn()), after.get("dropsOn").isNull() ? "null" : after.get("dropsOn").asText());
            if (!c.equals(f.contacts.get(0))) {
                assertEquals(before.get(c).get("score").doubleValue(), after.get("score").doubleValue(), 1e-9,
                    "unchanged answer for " + c);
                assertEquals(before.get(c).get("factors"), after.get("factors"), "unchanged factors for " + c);
            }
        }
        JsonNode done = RebuildFixture.rebuildStatus();
        assertEquals(100.0, done.get("percent").doubleValue());

        // The live fold goes on into the new tables.
        UUID next = UUID.randomUUID();
        EngagementSnapshot more = new EngagementSnapshot(next, EngagementType.EXPERTISE_EXCHANGE, EngagementStatus.COMPLETED,
            RebuildFixture.AT.minus(Duration.ofDays(1)), null, Direction.PMO_GAVE, 3.0, 4, java.util.List.of(damaged));
        String nextId = UUID.randomUUID().toString();
        try (TestEvents out = new TestEvents(bootstrap)) {
            out.send(TestEvents.ENGAGEMENTS, next.toString(), TestEvents.envelope(nextId, "/rapport/engagement-service",
                "rapport.engagement.logged.v1", "engagements/" + next, TestEvents.snapshot(more, 1, f.unitOf)));
        }
        RebuildFixture.awaitVersions(em, Map.of(next, 1L), Duration.ofMinutes(1));
        model.apply(io.rapport.analytics.model.EngagementEvent.logged(nextId, 1, more));
        assertEquals(model.relationship(damaged, RebuildFixture.AT).score(),
            RebuildFixture.relationship(damaged).get("score").doubleValue(), 1e-9);
    }
}
