package io.rapport.analytics;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.analytics.FoldIntegrationTest.Generated;
import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.RelationshipModel;
import io.rapport.analytics.model.ScoringParameters;
import io.rapport.testsupport.TopicProbe;

/** A small generated history (contacts + engagement events), published and folded; helpers shared by the rebuild tests. */
final class RebuildFixture {

    static final Instant AT = FoldIntegrationTest.AT;

    final List<UUID> contacts = new ArrayList<>();
    final Map<UUID, UUID> unitOf = new HashMap<>();
    final List<Generated> events = new ArrayList<>();

    RebuildFixture(long seed, int contactCount, int engagementEvents) {
        Random random = new Random(seed);
        List<UUID> units = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < contactCount; i++) {
            UUID c = UUID.randomUUID();
            contacts.add(c);
            unitOf.put(c, units.get(i % units.size()));
        }
        while (events.size() < engagementEvents) {
            events.addAll(FoldIntegrationTest.history(random, contacts, unitOf));
        }
    }

    void publishAndAwait(String bootstrap, EntityManager em) throws InterruptedException {
        TopicProbe.ensureTopic(bootstrap, TestEvents.CONTACTS);
        TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
        try (TestEvents out = new TestEvents(bootstrap)) {
            List<String[]> contactEvents = new ArrayList<>();
            for (UUID c : contacts) {
                contactEvents.add(new String[] {c.toString(), TestEvents.contactCreated(c, unitOf.get(c), "sam.lee@example.com")});
            }
            out.sendAll(TestEvents.CONTACTS, contactEvents);
            out.sendAll(TestEvents.ENGAGEMENTS, events.stream().map(g -> new String[] {g.engagementId().toString(), g.json()}).toList());
        }
        awaitFolded(em, events);
        for (UUID c : contacts) {
            await("contact " + c + " folded", Duration.ofMinutes(1),
                () -> given().get("/api/v1/relationships/" + c).statusCode() == 200);
        }
    }

    /** Waits until every one of the (contact-topic) event ids is recorded in processed_event (folded). */
    static void awaitProcessed(EntityManager em, Set<String> ids, Duration timeout) throws InterruptedException {
        await(ids.size() + " events folded", timeout, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
            .createNativeQuery("select count(*) from processed_event where event_id in (:ids)").setParameter("ids", ids)
            .getSingleResult()).intValue()) == ids.size());
    }

    /**
     * Waits until every engagement of the events is stored at (at least) its latest version: engagement events
     * write no inbox row, the engagement's version makes their fold idempotent.
     */
    static void awaitFolded(EntityManager em, List<Generated> events) throws InterruptedException {
        awaitFolded(em, events, Duration.ofMinutes(5));
    }

    static void awaitFolded(EntityManager em, List<Generated> events, Duration timeout) throws InterruptedException {
        Map<UUID, Long> latest = new HashMap<>();
        events.forEach(g -> latest.merge(g.engagementId(), g.version(), Math::max));
        awaitVersions(em, latest, timeout);
    }

    /** Waits until each engagement is stored at a version at least the given one. */
    static void awaitVersions(EntityManager em, Map<UUID, Long> versions, Duration timeout) throws InterruptedException {
        List<UUID> ids = new ArrayList<>(versions.keySet());
        await(versions.size() + " engagements folded", timeout, () -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, version from engagement where id in (:ids)")
                .setParameter("ids", ids).getResultList();
            int done = 0;
            for (Object[] r : rows) {
                if (((Number) r[1]).longValue() >= versions.get((UUID) r[0])) {
                    done++;
                }
            }
            return done == versions.size();
        }));
    }

    /**
     * Waits until the events (CloudEvents JSON as published) are folded: a contact-topic event once its id is in
     * processed_event, an engagement event once its engagement is stored at its version or later.
     */
    static void awaitEnvelopesFolded(EntityManager em, java.util.Collection<String> envelopes, Duration timeout)
        throws InterruptedException {
        Set<String> contactEvents = new java.util.HashSet<>();
        Map<UUID, Long> versions = new HashMap<>();
        for (String json : envelopes) {
            try {
                JsonNode e = TestEvents.MAPPER.readTree(json);
                if (e.get("type").asText().startsWith("rapport.engagement.")) {
                    JsonNode data = e.get("data").has("current") ? e.get("data").get("current") : e.get("data");
                    versions.merge(UUID.fromString(data.get("engagementId").asText()), data.get("version").longValue(), Math::max);
                } else {
                    contactEvents.add(e.get("id").asText());
                }
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        if (!contactEvents.isEmpty()) {
            awaitProcessed(em, contactEvents, timeout);
        }
        if (!versions.isEmpty()) {
            awaitVersions(em, versions, timeout);
        }
    }

    /** Waits until analytics answers 200 for the contact's relationship (its events are folded). */
    static void awaitContact(UUID id, Duration timeout) throws InterruptedException {
        await("contact " + id + " folded", timeout, () -> given().get("/api/v1/relationships/" + id).statusCode() == 200);
    }

    /** The model fed the final engagement states (the service's canonical computation). */
    RelationshipModel model(ScoringParameters params) {
        Map<UUID, Generated> latest = new HashMap<>();
        for (Generated g : events) {
            latest.merge(g.engagementId(), g, (a, b) -> FoldIntegrationTest.supersedes(b, a) ? b : a);
        }
        RelationshipModel model = new RelationshipModel(params);
        latest.values().stream().sorted(Comparator.comparing(Generated::engagementId))
            .filter(g -> !"rapport.engagement.cancelled.v1".equals(g.type()) && g.snapshot().status().contributes())
            .forEach(g -> model.apply(EngagementEvent.logged(g.eventId(), g.version(), g.snapshot())));
        return model;
    }


    /** The contact's relationship now (tests pin the clock to {@link #AT}: the stored state, not the model's recomputation). */
    static JsonNode relationship(UUID contact) {
        try {
            return TestEvents.MAPPER.readTree(given().get("/api/v1/relationships/" + contact).then().statusCode(200)
                .extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode rebuildStatus() {
        try {
            return TestEvents.MAPPER.readTree(given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitRebuildDone() throws InterruptedException {
        await("rebuild DONE", Duration.ofMinutes(5), () -> {
            String status = rebuildStatus().get("status").asText();
            if ("FAILED".equals(status)) {
                throw new AssertionError("rebuild FAILED");
            }
            return "DONE".equals(status);
        });
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
