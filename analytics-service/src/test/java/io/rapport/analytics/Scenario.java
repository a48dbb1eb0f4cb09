package io.rapport.analytics;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.testsupport.TopicProbe;

/**
 * A small world for the endpoint tests: contacts, roles and engagements published as the producers publish them,
 * each call waiting until analytics has folded it.
 */
final class Scenario implements AutoCloseable {

    static final String CONTACTS_SOURCE = "/rapport/contacts-service";
    static final String ENGAGEMENTS_SOURCE = "/rapport/engagement-service";

    private final EntityManager em;
    private final TestEvents out;
    private final Map<UUID, UUID> unitOf = new HashMap<>();
    private final Map<UUID, Long> contactVersions = new HashMap<>();
    final UUID unit = UUID.randomUUID();

    Scenario(String bootstrap, EntityManager em) {
        this.em = em;
        TopicProbe.ensureTopic(bootstrap, TestEvents.CONTACTS);
        TopicProbe.ensureTopic(bootstrap, TestEvents.ENGAGEMENTS);
        this.out = new TestEvents(bootstrap);
    }

    /** A contact's event data with the stay-in-touch and influence fields (null: not set). */
    static ObjectNode contactData(UUID id, UUID unit, String status, long version, Instant createdOrChanged, String seniority,
                                  Integer cadenceDays, String influence, String interest, String stance, List<String> tags) {
        ObjectNode d = TestEvents.contact(id, unit, "sam.lee@example.com", "INTERNAL", version);
        d.put("status", status);
        d.put("seniority", seniority);
        d.put("occurredAt", createdOrChanged.toString());
        var expertise = d.putArray("expertise");
        tags.forEach(expertise::add);
        if (cadenceDays == null) {
            d.putNull("cadenceDays");
        } else {
            d.put("cadenceDays", cadenceDays.intValue());
        }
        putNullable(d, "influence", influence);
        putNullable(d, "interest", interest);
        putNullable(d, "stance", stance);
        return d;
    }

    private static void putNullable(ObjectNode d, String field, String value) {
        if (value == null) {
            d.putNull(field);
        } else {
            d.put(field, value);
        }
    }

    /** Publishes a contact event (created for version 1, else updated, left or erased by status) and waits for it. */
    UUID contact(UUID id, String status, Instant at, String seniority, Integer cadenceDays, String influence, String interest,
                 String stance, List<String> tags) throws InterruptedException {
        long version = contactVersions.merge(id, 1L, Long::sum);
        unitOf.put(id, unit);
        String type = version == 1 ? "rapport.contact.created.v1" : switch (status) {
            case "LEFT" -> "rapport.contact.left.v1";
            case "ERASED" -> "rapport.contact.erased.v1";
            default -> "rapport.contact.updated.v1";
        };
        ObjectNode data = contactData(id, unit, status, version, at, seniority, cadenceDays, influence, interest, stance, tags);
        if ("ERASED".equals(status)) {
            data = TestEvents.MAPPER.createObjectNode().put("contactId", id.toString()).put("businessUnitId", unit.toString())
                .put("status", "ERASED").put("version", version).put("occurredAt", at.toString());
        }
        publishContactTopic(id, type, data);
        return id;
    }

    /** A new ACTIVE contact without engagements. */
    UUID contact(Instant created, String seniority, Integer cadenceDays, String influence, String interest, String stance,
                 List<String> tags) throws InterruptedException {
        return contact(UUID.randomUUID(), "ACTIVE", created, seniority, cadenceDays, influence, interest, stance, tags);
    }

    /** A stakeholder role event (added, updated or ended) and waits for it. */
    void role(String type, UUID roleId, UUID contact, String projectCode, LocalDate endDate) throws InterruptedException {
        ObjectNode d = TestEvents.MAPPER.createObjectNode().put("roleId", roleId.toString()).put("contactId", contact.toString())
            .put("projectCode", projectCode).put("projectName", "Project " + projectCode).put("role", "SPONSOR")
            .put("startDate", "2026-01-01").put("occurredAt", "2026-11-25T10:00:00Z");
        putNullable(d, "endDate", endDate == null ? null : endDate.toString());
        publishContactTopic(contact, "rapport.stakeholder-role." + type + ".v1", d);
    }

    private void publishContactTopic(UUID key, String type, ObjectNode data) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        out.send(TestEvents.CONTACTS, key.toString(), TestEvents.envelope(id, CONTACTS_SOURCE, type, "contacts/" + key, data));
        RebuildFixture.awaitProcessed(em, java.util.Set.of(id), Duration.ofMinutes(1));
    }

    /** A point engagement (COMPLETED when logged) of the contacts, and waits for it. */
    EngagementSnapshot meet(EngagementType type, Instant at, double hours, Direction direction, UUID... contacts)
        throws InterruptedException {
        EngagementSnapshot s = new EngagementSnapshot(UUID.randomUUID(), type, EngagementStatus.COMPLETED, at, null, direction,
            hours, 5, List.of(contacts));
        engagement("rapport.engagement.logged.v1", s, 1);
        return s;
    }

    /** Publishes an engagement event with the state after it, and waits until it is stored at that version. */
    void engagement(String type, EngagementSnapshot s, long version) throws InterruptedException {
        for (UUID c : s.participants()) {
            unitOf.putIfAbsent(c, unit);
        }
        ObjectNode current = TestEvents.snapshot(s, version, unitOf);
        Object data = current;
        if (type.endsWith("status-changed.v1") || type.endsWith("updated.v1")) {
            ObjectNode d = TestEvents.MAPPER.createObjectNode();
            if (type.endsWith("updated.v1")) {
                d.set("previous", current);
            } else {
                d.put("from", "ACTIVE").put("to", s.status().name());
            }
            d.set("current", current);
            data = d;
        }
        out.send(TestEvents.ENGAGEMENTS, s.id().toString(), TestEvents.envelope(UUID.randomUUID().toString(),
            ENGAGEMENTS_SOURCE, type, "engagements/" + s.id(), data));
        RebuildFixture.awaitVersions(em, Map.of(s.id(), version), Duration.ofMinutes(1));
    }

    static JsonNode get(String path) {
        try {
            return TestEvents.MAPPER.readTree(given().get(path).then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
