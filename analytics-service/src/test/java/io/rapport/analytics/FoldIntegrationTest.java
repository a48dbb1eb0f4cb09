package io.rapport.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.RelationshipScore;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;

/**
 * 1,000 generated engagement events (about 5% exact duplicates), shuffled, published to the real
 * broker as engagement-service would: the service's stored relationships (evaluated at a pinned "now")
 * equal a direct computation by the model, score, trend, band, forecast and factors; the list is
 * ordered by them.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class FoldIntegrationTest {

    static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ScoringParameters params;

    record Generated(String eventId, String type, UUID engagementId, long version, EngagementSnapshot snapshot, String json) {
    }

    @Test
    void shuffledEventsWithDuplicatesGiveTheModelsScores() throws Exception {
        TestClock.pin(AT);
        Random random = new Random(20261125L);
        List<UUID> units = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> contacts = new ArrayList<>();
        Map<UUID, UUID> unitOf = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            UUID c = UUID.randomUUID();
            contacts.add(c);
            unitOf.put(c, units.get(i % units.size()));
        }
        UUID idle = UUID.randomUUID(); // a known contact without engagements

        List<Generated> distinct = new ArrayList<>();
        while (distinct.size() < 950) {
            distinct.addAll(history(random, contacts, unitOf));
        }
        distinct = new ArrayList<>(distinct.subList(0, 950));
        List<Generated> all = new ArrayList<>(distinct);
        for (int i = 0; i < 50; i++) {
            all.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(all, random);
        assertEquals(1000, all.size());

        TopicProbe.ensureTopic(bootstrap, TestEvents.CONTACTS);
        TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
        try (TestEvents events = new TestEvents(bootstrap)) {
            List<String[]> contactEvents = new ArrayList<>();
            for (UUID c : contacts) {
                contactEvents.add(new String[] {c.toString(), TestEvents.contactCreated(c, unitOf.get(c), "sam.lee@example.com")});
            }
            contactEvents.add(new String[] {idle.toString(), TestEvents.contactCreated(idle, units.get(0), null)});
            events.sendAll(TestEvents.CONTACTS, contactEvents);
            events.sendAll(TestEvents.ENGAGEMENTS, all.stream().map(g -> new String[] {g.engagementId().toString(), g.json()}).toList());
        }

        RebuildFixture.awaitFolded(em, distinct, Duration.ofMinutes(5));
        RebuildFixture.awaitContact(idle, Duration.ofMinutes(1));

        // The direct computation: (1) the model fed the shuffled stream as is, (2) the model fed the final
        // engagement states in engagement-id order. The service's stored state (read at the pinned "now", AT)
        // must match both to summation order (1e-9), factor for factor.
        RelationshipModel streamed = new RelationshipModel(params);
        for (Generated g : all) {
            streamed.apply(toModelEvent(g));
        }
        Map<UUID, Generated> latest = new HashMap<>();
        for (Generated g : distinct) {
            latest.merge(g.engagementId(), g, (a, b) -> supersedes(b, a) ? b : a);
        }
        RelationshipModel canonical = new RelationshipModel(params);
        latest.values().stream().sorted(Comparator.comparing(Generated::engagementId))
            .filter(g -> !"rapport.engagement.cancelled.v1".equals(g.type()) && g.snapshot().status().contributes())
            .forEach(g -> canonical.apply(EngagementEvent.logged(g.eventId(), g.version(), g.snapshot())));

        int nonZero = 0;
        Map<UUID, Double> scores = new HashMap<>();
        for (UUID c : contacts) {
            JsonNode body = RebuildFixture.relationship(c);
            RelationshipScore expected = canonical.relationship(c, AT);
            double score = body.get("score").doubleValue();
            scores.put(c, score);
            ModelAgreement.assertSame(expected, body, "contact " + c);
            assertEquals(streamed.relationship(c, AT).score(), score, 1e-9 * Math.max(1.0, Math.abs(score)),
                "stream-order fold of " + c);
            if (score > 0) {
                nonZero++;
            }
        }
        assertTrue(nonZero > 20, "the generated history reaches most contacts");

        JsonNode none = RebuildFixture.relationship(idle);
        assertEquals(0.0, none.get("score").doubleValue());
        assertEquals("COLD", none.get("band").asText());

        // The list is ordered by the stored strength: the model's scores, descending, ties by contact id.
        JsonNode page = TestEvents.MAPPER.readTree(given().queryParam("size", 200).get("/api/v1/relationships")
            .then().statusCode(200).extract().asString());
        List<Double> listed = new ArrayList<>();
        page.get("items").forEach(i -> {
            if (scores.containsKey(UUID.fromString(i.get("contactId").asText()))) {
                listed.add(i.get("score").doubleValue());
            }
        });
        List<Double> sorted = new ArrayList<>(scores.values());
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted.size(), listed.size());
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(sorted.get(i), listed.get(i), 1e-9, "rank " + i);
        }

        // No effect was applied twice: one row per engagement, each at the winning event's version and id.
        for (Generated g : latest.values()) {
            Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select version, event_id from engagement where id = :id").setParameter("id", g.engagementId()).getSingleResult());
            assertEquals(g.version(), ((Number) row[0]).longValue());
            assertEquals(g.eventId(), row[1]);
        }
    }

    @AfterEach
    void unpinClock() {
        TestClock.unpin();
    }

    /** The fold's rule: higher version; at equal version a cancellation, then the greater event id. */
    static boolean supersedes(Generated a, Generated b) {
        if (a.version() != b.version()) {
            return a.version() > b.version();
        }
        boolean ac = a.type().endsWith("cancelled.v1");
        boolean bc = b.type().endsWith("cancelled.v1");
        if (ac != bc) {
            return ac;
        }
        return a.eventId().compareTo(b.eventId()) > 0;
    }

    static EngagementEvent toModelEvent(Generated g) {
        return switch (g.type()) {
            case "rapport.engagement.cancelled.v1" -> EngagementEvent.cancelled(g.eventId(), g.engagementId(), g.version());
            case "rapport.engagement.logged.v1" -> EngagementEvent.logged(g.eventId(), g.version(), g.snapshot());
            default -> EngagementEvent.updated(g.eventId(), g.version(), g.snapshot());
        };
    }

    /** One engagement's events: logged, then maybe updates / status changes, maybe a cancellation. */
    static List<Generated> history(Random r, List<UUID> contacts, Map<UUID, UUID> unitOf) {
        UUID id = new UUID(r.nextLong(), r.nextLong()); // from the seed: a run can be repeated
        EngagementType type = EngagementType.values()[r.nextInt(EngagementType.values().length)];
        boolean longRunning = type == EngagementType.SECONDMENT || type == EngagementType.SHADOWING
            || type == EngagementType.ON_THE_JOB_TRAINING;
        List<Generated> out = new ArrayList<>();
        EngagementSnapshot s = randomState(r, id, type, longRunning, contacts);
        long version = 1;
        out.add(event(r, "rapport.engagement.logged.v1", id, version, s, null, unitOf));
        int changes = r.nextInt(4);
        for (int i = 0; i < changes; i++) {
            version++;
            if (r.nextInt(6) == 0) {
                EngagementSnapshot cancelled = new EngagementSnapshot(id, type, EngagementStatus.CANCELLED, s.startAt(),
                    s.endAt(), s.direction(), s.effortHours(), s.sentiment(), s.participants());
                out.add(event(r, "rapport.engagement.cancelled.v1", id, version, cancelled, null, unitOf));
                break;
            }
            EngagementSnapshot previous = s;
            if (longRunning && r.nextBoolean()) {
                EngagementStatus to = EngagementStatus.values()[r.nextInt(4)];
                // a COMPLETED long-running engagement is often completed before its planned end
                java.time.Instant completedAt = to == EngagementStatus.COMPLETED && r.nextBoolean()
                    ? s.startAt().plusSeconds((long) (r.nextDouble() * Duration.between(s.startAt(), s.endAt()).getSeconds()))
                    : null;
                s = new EngagementSnapshot(id, type, to, s.startAt(), s.endAt(), s.direction(), s.effortHours(),
                    s.sentiment(), s.participants(), completedAt);
                out.add(event(r, "rapport.engagement.status-changed.v1", id, version, s, previous, unitOf));
            } else {
                s = randomState(r, id, type, longRunning, contacts);
                out.add(event(r, "rapport.engagement.updated.v1", id, version, s, previous, unitOf));
            }
        }
        return out;
    }

    private static EngagementSnapshot randomState(Random r, UUID id, EngagementType type, boolean longRunning, List<UUID> contacts) {
        Instant start = AT.minusSeconds(60L * (r.nextInt(60 * 24 * 400) - 60 * 24 * 20));
        Instant end = longRunning ? start.plusSeconds(3600L * 24 * (7 + r.nextInt(120))) : (r.nextInt(3) == 0 ? start.plusSeconds(3600) : null);
        EngagementStatus status = longRunning ? (r.nextBoolean() ? EngagementStatus.ACTIVE : EngagementStatus.COMPLETED)
            : EngagementStatus.COMPLETED;
        int n = type == EngagementType.LEADERSHIP_FORUM ? 3 + r.nextInt(6) : 1 + r.nextInt(2);
        List<UUID> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(contacts.get(r.nextInt(contacts.size())));
        }
        double effort = r.nextInt(4) == 0 ? 0.0 : Math.round(r.nextDouble() * 400) / 4.0;
        Integer sentiment = r.nextInt(4) == 0 ? null : 1 + r.nextInt(5);
        return new EngagementSnapshot(id, type, status, start, end, Direction.values()[r.nextInt(3)], effort, sentiment, ps);
    }

    private static Generated event(Random r, String type, UUID id, long version, EngagementSnapshot s,
                                   EngagementSnapshot previous, Map<UUID, UUID> unitOf) {
        ObjectNode current = TestEvents.snapshot(s, version, unitOf);
        Object data = switch (type) {
            case "rapport.engagement.updated.v1" -> {
                ObjectNode d = TestEvents.MAPPER.createObjectNode();
                d.set("previous", TestEvents.snapshot(previous, version - 1, unitOf));
                d.set("current", current);
                yield d;
            }
            case "rapport.engagement.status-changed.v1" -> {
                ObjectNode d = TestEvents.MAPPER.createObjectNode();
                d.put("from", previous.status().name());
                d.put("to", s.status().name());
                d.set("current", current);
                yield d;
            }
            default -> current;
        };
        String eventId = new UUID(r.nextLong(), r.nextLong()).toString();
        return new Generated(eventId, type, id, version, s, TestEvents.envelope(eventId, "/rapport/engagement-service",
            type, "engagements/" + id, data));
    }
}
