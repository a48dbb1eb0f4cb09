package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.FoldIntegrationTest.Generated;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;

/**
 * The database fails for the fold (its participant table is renamed away, from a separate connection)
 * while events arrive: nothing is dead-lettered and nothing is folded while it fails; once the table is
 * back, every event is folded exactly once and the scores are the model's.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class FoldOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ScoringParameters params;

    @AfterEach
    void unpinClock() {
        TestClock.unpin();
    }

    @Test
    void aDatabaseFailureDelaysTheFoldAndDeadLettersNothing() throws Exception {
        TestClock.pin(RebuildFixture.AT);
        RebuildFixture f = new RebuildFixture(20261127L, 10, 1);
        f.events.clear();
        // contacts first, folded while the database works
        TopicProbe.ensureTopic(bootstrap, TestEvents.CONTACTS);
        TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
        try (TestEvents out = new TestEvents(bootstrap)) {
            out.sendAll(TestEvents.CONTACTS, f.contacts.stream()
                .map(c -> new String[] {c.toString(), TestEvents.contactCreated(c, f.unitOf.get(c), "sam.lee@example.com")}).toList());
        }
        for (UUID c : f.contacts) {
            RebuildFixture.await("contact " + c + " folded", Duration.ofMinutes(1),
                () -> io.restassured.RestAssured.given().get("/api/v1/relationships/" + c).statusCode() == 200);
        }

        Random random = new Random(20261128L);
        List<Generated> distinct = new ArrayList<>();
        while (distinct.size() < 300) {
            distinct.addAll(FoldIntegrationTest.history(random, f.contacts, f.unitOf));
        }
        List<Generated> all = new ArrayList<>(distinct);
        for (int i = 0; i < 15; i++) {
            all.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(all, random);
        f.events.addAll(distinct);
        Set<String> ids = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        distinct.forEach(g -> {
            ids.add(g.eventId());
            keys.add(g.engagementId().toString());
        });

        try (TopicProbe dlq = TopicProbe.atEnd(bootstrap, TestEvents.ENGAGEMENTS + ".dlq")) {
            ddl("alter table engagement_participant rename to engagement_participant_offline");
            try {
                try (TestEvents out = new TestEvents(bootstrap)) {
                    out.sendAll(TestEvents.ENGAGEMENTS, all.stream().map(g -> new String[] {g.engagementId().toString(), g.json()}).toList());
                }
                // The fold fails and retries (0.5 s, 1 s, 2 s, 4 s, ...) meanwhile; nothing goes to the DLQ.
                List<ConsumerRecord<String, String>> dead = dlq.drain(Duration.ofSeconds(8), r -> keys.contains(r.key()));
                assertEquals(List.of(), dead, "nothing is dead-lettered while the database fails");
                assertEquals(0, count("select count(*) from engagement where event_id in (:ids)", ids),
                    "no engagement row is written while the fold fails");
            } finally {
                ddl("alter table if exists engagement_participant_offline rename to engagement_participant");
            }
            RebuildFixture.awaitFolded(em, distinct);
            assertEquals(List.of(), dlq.drain(Duration.ofSeconds(2), r -> keys.contains(r.key())), "still nothing dead-lettered");
        }

        // Exactly once: one engagement row per engagement at its latest state, that state's participants (a
        // cancelled one has none), and the model's scores (which a doubled or lost effect would change).
        Map<UUID, Generated> latest = new HashMap<>();
        for (Generated g : distinct) {
            latest.merge(g.engagementId(), g, (a, b) -> FoldIntegrationTest.supersedes(b, a) ? b : a);
        }
        List<String> engagementIds = latest.keySet().stream().map(UUID::toString).toList();
        assertEquals(latest.size(), count("select count(*) from engagement where cast(id as varchar) in (:ids)", engagementIds));
        long participants = latest.values().stream().filter(g -> !g.type().endsWith("cancelled.v1"))
            .mapToLong(g -> g.snapshot().participants().stream().distinct().count()).sum();
        assertEquals(participants, count("select count(*) from engagement_participant where cast(engagement_id as varchar) in (:ids)",
            engagementIds));
        RelationshipModel model = f.model(params);
        for (UUID c : f.contacts) {
            ModelAgreement.assertSame(model.relationship(c, RebuildFixture.AT), RebuildFixture.relationship(c), "contact " + c);
        }
        assertTrue(latest.size() > 50);
    }

    private void ddl(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    private long count(String sql, java.util.Collection<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter("ids", ids)
            .getSingleResult()).longValue());
    }
}
