package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

import jakarta.inject.Inject;

/**
 * Every event type this service publishes, taken from the real topic, against the JSON Schema it
 * owns ({@code src/main/resources/schemas/events/}); then every event on the topic so far.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class EventContractTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    @Test
    void everyEventTypeMatchesItsSchemaAndIsKeyedByItsAggregate() throws Exception {
        Map<String, String> keyOfType = new HashMap<>();
        String contactId;
        String unitId;
        String doomedUnit;
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            String parent = Fixtures.createUnit(null);
            unitId = Fixtures.createUnit(parent);
            String code = given().get("/api/v1/business-units/" + unitId).then().extract().path("code");
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("code", code, "name", "Renamed", "parentId", parent))
                .put("/api/v1/business-units/" + unitId).then().statusCode(200);
            doomedUnit = Fixtures.createUnit(null);
            given().delete("/api/v1/business-units/" + doomedUnit).then().statusCode(204);

            Map<String, Object> body = Fixtures.contactBody(unitId);
            body.remove("owner");
            body.put("phone", null);
            contactId = Fixtures.createContact(body);
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Fixtures.contactBody(unitId))
                .put("/api/v1/contacts/" + contactId).then().statusCode(200);
            String base = "/api/v1/contacts/" + contactId + "/stakeholder-roles";
            String roleId = given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-01-01", null))
                .post(base).then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.roleBody("APPROVER", "2026-01-01", "2099-12-31")).put(base + "/" + roleId)
                .then().statusCode(200);
            given().delete(base + "/" + roleId).then().statusCode(204);
            given().delete("/api/v1/contacts/" + contactId).then().statusCode(204);
            // erasure deletes the contact's events still pending in the outbox (they hold personal data): wait until
            // the relay has published the left event, or a slow relay makes it vanish, as it should
            assertEquals(1, probe.await(1, Duration.ofSeconds(60),
                r -> contactId.equals(r.key()) && ContactEvents.CONTACT_LEFT.equals(type(r))).size(), "the left event");
            given().post("/api/v1/contacts/" + contactId + "/erasure").then().statusCode(200);

            Set<String> keys = Set.of(contactId, unitId, doomedUnit);
            List<ConsumerRecord<String, String>> records = probe.await(11, Duration.ofSeconds(60),
                r -> keys.contains(r.key()));
            Set<String> types = new TreeSet<>();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode envelope = mapper.readTree(record.value());
                String type = envelope.get("type").asText();
                types.add(type);
                assertEquals("1.0", envelope.get("specversion").asText());
                assertEquals("/rapport/contacts-service", envelope.get("source").asText());
                assertEquals(ContactEvents.SCHEMA_BASE + ContactEvents.schemaFile(type), envelope.get("dataschema").asText());
                assertNotNull(envelope.get("subject"));
                assertValid(type, envelope.get("data"));
                String keyField = type.startsWith("rapport.business-unit.") ? "businessUnitId" : "contactId";
                assertEquals(record.key(), envelope.get("data").get(keyField).asText(), type + " is keyed by " + keyField);
                keyOfType.put(type, record.key());
            }
            assertEquals(new TreeSet<>(ContactEvents.ALL_TYPES), types, "every event type was published");
            assertEquals(List.of(ContactEvents.CONTACT_CREATED, ContactEvents.CONTACT_UPDATED,
                    ContactEvents.STAKEHOLDER_ROLE_ADDED, ContactEvents.STAKEHOLDER_ROLE_UPDATED,
                    ContactEvents.STAKEHOLDER_ROLE_ENDED, ContactEvents.CONTACT_LEFT, ContactEvents.CONTACT_ERASED),
                records.stream().filter(r -> r.key().equals(contactId)).map(r -> type(r)).collect(Collectors.toList()),
                "one contact's events, roles included, in order on one key");
        }
        assertEquals(contactId, keyOfType.get(ContactEvents.STAKEHOLDER_ROLE_ADDED));
    }

    @Test
    void everyEventOnTheTopicSoFarMatchesItsSchema() throws Exception {
        Fixtures.createUnit(null);
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrap, ContactEvents.TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.drain(Duration.ofSeconds(5), r -> true);
            assertTrue(records.size() > 0, "the topic holds events");
            for (ConsumerRecord<String, String> record : records) {
                JsonNode envelope = mapper.readTree(record.value());
                assertValid(envelope.get("type").asText(), envelope.get("data"));
            }
        }
    }

    @Test
    void everySchemaFileIsThereAndDeclaresDraft2020() throws Exception {
        for (String type : known()) {
            try (InputStream in = schemaStream(type)) {
                JsonNode schema = mapper.readTree(in);
                assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
                assertEquals(false, schema.get("additionalProperties").asBoolean(true), type);
            }
        }
    }

    private String type(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value()).get("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema's examples (the consumers' contract tests send them) satisfy it. */
    @Test
    void everyExampleInASchemaSatisfiesIt() throws Exception {
        int checked = 0;
        for (String type : known()) {
            try (InputStream in = schemaStream(type)) {
                JsonNode examples = mapper.readTree(in).get("examples");
                if (examples != null) {
                    for (JsonNode example : examples) {
                        assertValid(type, example);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 6, "the version 2 contact schemas carry examples (" + checked + ")");
    }

    /** Every type published now, and the earlier versions that may still be on the topic. */
    private static List<String> known() {
        List<String> known = new java.util.ArrayList<>(ContactEvents.ALL_TYPES);
        known.addAll(ContactEvents.EARLIER_TYPES);
        return known;
    }

    private void assertValid(String type, JsonNode data) {
        assertTrue(known().contains(type), "unknown event type " + type);
        JsonSchema schema = schemas.computeIfAbsent(type, t -> {
            try (InputStream in = schemaStream(t)) {
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<ValidationMessage> errors = schema.validate(data);
        assertTrue(errors.isEmpty(), () -> type + " " + data + " does not match its schema: " + errors);
    }

    private static InputStream schemaStream(String type) {
        InputStream in = EventContractTest.class.getClassLoader()
            .getResourceAsStream("schemas/events/" + ContactEvents.schemaFile(type));
        assertNotNull(in, "schema of " + type);
        return in;
    }
}
