package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.analytics.mapping.EventParser;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * Consumer side of the event contract: a sample of every consumed type that validates against the
 * producer's JSON Schema (read from contacts-service and engagement-service) is accepted by this
 * service's parsing, and, published to the broker, is folded (recorded as processed, not dead-lettered).
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class EventContractTest {

    static final Path CONTACT_SCHEMAS = Path.of("../contacts-service/src/main/resources/schemas/events");
    static final Path ENGAGEMENT_SCHEMAS = Path.of("../engagement-service/src/main/resources/schemas/events");

    @Inject
    CloudEventCodec codec;

    @Inject
    EventParser parser;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static JsonSchema schema(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void samplesValidAgainstTheProducersSchemasAreAcceptedAndFolded() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID role = UUID.randomUUID();
        EngagementSnapshot snap = new EngagementSnapshot(UUID.randomUUID(), EngagementType.SECONDMENT, EngagementStatus.ACTIVE,
            Instant.parse("2026-09-01T09:00:00Z"), Instant.parse("2026-11-30T17:00:00Z"), Direction.PMO_RECEIVED, 420.0, 4,
            List.of(contact));
        Map<UUID, UUID> units = Map.of(contact, unit);

        ObjectNode bu = TestEvents.MAPPER.createObjectNode().put("businessUnitId", unit.toString()).put("code", "HR")
            .put("name", "Human Resources").putNull("parentId").put("version", 1).put("occurredAt", "2026-11-25T10:00:00Z");
        ObjectNode roleData = TestEvents.MAPPER.createObjectNode().put("roleId", role.toString()).put("contactId", contact.toString())
            .put("projectCode", "ERP-2027").put("projectName", "ERP replacement").put("role", "SPONSOR")
            .put("startDate", "2026-01-01").put("endDate", "2027-03-31").put("occurredAt", "2026-11-25T10:00:00Z");
        ObjectNode erased = TestEvents.MAPPER.createObjectNode().put("contactId", contact.toString())
            .put("businessUnitId", unit.toString()).put("status", "ERASED").put("version", 4).put("occurredAt", "2026-11-25T10:00:00Z");
        ObjectNode updated = TestEvents.MAPPER.createObjectNode();
        updated.set("previous", TestEvents.snapshot(snap, 1, units));
        updated.set("current", TestEvents.snapshot(snap, 2, units));
        ObjectNode statusChanged = TestEvents.MAPPER.createObjectNode().put("from", "AGREED").put("to", "ACTIVE");
        statusChanged.set("current", TestEvents.snapshot(snap, 3, units));
        EngagementSnapshot cancelledSnap = new EngagementSnapshot(snap.id(), snap.type(), EngagementStatus.CANCELLED,
            snap.startAt(), snap.endAt(), snap.direction(), snap.effortHours(), snap.sentiment(), snap.participants());

        // type → (schema file, data); in an order a producer could emit them
        Map<String, Object[]> samples = new LinkedHashMap<>();
        samples.put("rapport.business-unit.created.v1", new Object[] {CONTACT_SCHEMAS.resolve("business-unit.created.v1.schema.json"), bu});
        samples.put("rapport.business-unit.updated.v1", new Object[] {CONTACT_SCHEMAS.resolve("business-unit.updated.v1.schema.json"), bu.deepCopy().put("version", 2)});
        samples.put("rapport.contact.created.v1", new Object[] {CONTACT_SCHEMAS.resolve("contact.created.v1.schema.json"),
            TestEvents.contact(contact, unit, "sam.lee@example.com", "INTERNAL", 1)});
        samples.put("rapport.contact.updated.v1", new Object[] {CONTACT_SCHEMAS.resolve("contact.updated.v1.schema.json"),
            TestEvents.contact(contact, unit, "sam.lee@example.com", "STAKEHOLDER", 2)});
        samples.put("rapport.stakeholder-role.added.v1", new Object[] {CONTACT_SCHEMAS.resolve("stakeholder-role.added.v1.schema.json"), roleData});
        samples.put("rapport.stakeholder-role.updated.v1", new Object[] {CONTACT_SCHEMAS.resolve("stakeholder-role.updated.v1.schema.json"), roleData});
        samples.put("rapport.stakeholder-role.ended.v1", new Object[] {CONTACT_SCHEMAS.resolve("stakeholder-role.ended.v1.schema.json"), roleData});
        samples.put("rapport.engagement.logged.v1", new Object[] {ENGAGEMENT_SCHEMAS.resolve("engagement.logged.v1.schema.json"), TestEvents.snapshot(snap, 1, units)});
        samples.put("rapport.engagement.updated.v1", new Object[] {ENGAGEMENT_SCHEMAS.resolve("engagement.updated.v1.schema.json"), updated});
        samples.put("rapport.engagement.status-changed.v1", new Object[] {ENGAGEMENT_SCHEMAS.resolve("engagement.status-changed.v1.schema.json"), statusChanged});
        samples.put("rapport.engagement.cancelled.v1", new Object[] {ENGAGEMENT_SCHEMAS.resolve("engagement.cancelled.v1.schema.json"), TestEvents.snapshot(cancelledSnap, 4, units)});
        samples.put("rapport.contact.left.v1", new Object[] {CONTACT_SCHEMAS.resolve("contact.left.v1.schema.json"),
            TestEvents.contact(contact, unit, "sam.lee@example.com", "INTERNAL", 3).put("status", "LEFT")});
        samples.put("rapport.contact.erased.v1", new Object[] {CONTACT_SCHEMAS.resolve("contact.erased.v1.schema.json"), erased});
        samples.put("rapport.business-unit.deleted.v1", new Object[] {CONTACT_SCHEMAS.resolve("business-unit.deleted.v1.schema.json"), bu.deepCopy().put("version", 3)});

        List<String> envelopes = new ArrayList<>();
        try (TestEvents events = new TestEvents(bootstrap)) {
            for (Map.Entry<String, Object[]> e : samples.entrySet()) {
                JsonNode data = (JsonNode) e.getValue()[1];
                Set<ValidationMessage> errors = schema((Path) e.getValue()[0]).validate(data);
                assertTrue(errors.isEmpty(), e.getKey() + " sample must satisfy the producer's schema: " + errors);
                String id = UUID.randomUUID().toString();
                String json = TestEvents.envelope(id, "/rapport/test", e.getKey(), "x", data);
                CloudEvent event = codec.read(json);
                boolean engagement = e.getKey().startsWith("rapport.engagement.");
                if (engagement) {
                    assertEquals(snap.id(), parser.engagement(event).snapshot().id());
                } else {
                    parser.contactTopic(event);
                }
                String key = engagement ? snap.id().toString()
                    : e.getKey().startsWith("rapport.business-unit.") ? unit.toString() : contact.toString();
                events.send(engagement ? TestEvents.ENGAGEMENTS : TestEvents.CONTACTS, key, json);
                envelopes.add(json);
            }
        }
        RebuildFixture.awaitEnvelopesFolded(em, envelopes, Duration.ofMinutes(2)); // every schema-valid sample folded
        // erasure: no personal datum left, roles gone, contact no longer served
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
            "select status, owner_email from contact where id = :id").setParameter("id", contact).getSingleResult());
        assertEquals("ERASED", row[0]);
        assertEquals(null, row[1]);
        Number roles = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
            "select count(*) from stakeholder_role where contact_id = :id").setParameter("id", contact).getSingleResult());
        assertEquals(0, roles.intValue());
        io.restassured.RestAssured.given().get("/api/v1/relationships/" + contact).then().statusCode(404);
    }
}
