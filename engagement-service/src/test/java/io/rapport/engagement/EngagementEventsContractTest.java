package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

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
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.events.EngagementEvents;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/**
 * Events taken from the real rapport.engagements.v1 topic conform to this service's JSON Schemas
 * (src/main/resources/schemas/events), carry key = engagement id and the full snapshot with its version.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class EngagementEventsContractTest {

    static final String TOPIC = "rapport.engagements.v1";

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static JsonSchema schema(String type) {
        String resource = "/schemas/events/" + EngagementEvents.schemaFile(type);
        try (InputStream in = EngagementEventsContractTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no schema " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyEventOnTheTopicConformsToItsSchema() throws Exception {
        UUID unit = UUID.randomUUID();
        UUID contact;
        UUID other;
        try (ContactFixture contacts = new ContactFixture(bootstrap, mapper, contactRefs)) {
            contact = contacts.activeContact(unit);
            other = contacts.activeContact(UUID.randomUUID());
        }
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, TOPIC)) {
            String id = given().contentType(ContentType.JSON).body(EngagementApiTest.secondment(contact))
                .post("/api/v1/engagements").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(EngagementApiTest.secondment(contact).replace("\"role\":\"SECONDEE\"}]",
                    "\"role\":\"SECONDEE\"},{\"contactId\":\"" + other + "\",\"role\":\"HOST\"}]"))
                .put("/api/v1/engagements/" + id).then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}")
                .post("/api/v1/engagements/" + id + "/transitions").then().statusCode(200);
            given().delete("/api/v1/engagements/" + id).then().statusCode(204);
            String oneToOne = given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact))
                .post("/api/v1/engagements").then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> records = probe.await(4, Duration.ofSeconds(30), r -> id.equals(r.key()));
            List<ConsumerRecord<String, String>> logged = probe.await(1, Duration.ofSeconds(30), r -> oneToOne.equals(r.key()));
            assertEquals(4, records.size(), "one event per change of the engagement");
            assertEquals(1, logged.size());

            List<String> types = new ArrayList<>();
            List<JsonNode> data = new ArrayList<>();
            List<ConsumerRecord<String, String>> all = new ArrayList<>(records);
            all.addAll(logged);
            for (ConsumerRecord<String, String> record : all) {
                JsonNode envelope = mapper.readTree(record.value());
                String type = envelope.get("type").asText();
                assertEquals("1.0", envelope.get("specversion").asText());
                assertEquals("/rapport/engagement-service", envelope.get("source").asText());
                assertEquals("engagements/" + record.key(), envelope.get("subject").asText());
                assertTrue(envelope.get("dataschema").asText().endsWith(EngagementEvents.schemaFile(type)));
                Set<ValidationMessage> errors = schema(type).validate(envelope.get("data"));
                assertTrue(errors.isEmpty(), type + " does not conform to its schema: " + errors + "\n" + envelope.get("data"));
                types.add(type);
                data.add(envelope.get("data"));
            }
            assertEquals(List.of(EngagementEvents.LOGGED, EngagementEvents.UPDATED, EngagementEvents.STATUS_CHANGED,
                EngagementEvents.CANCELLED, EngagementEvents.LOGGED), types);

            JsonNode first = data.get(0);
            assertEquals(id, first.get("engagementId").asText());
            assertEquals(1, first.get("version").asInt());
            assertEquals("PROPOSED", first.get("status").asText());
            assertEquals(1, first.get("groupSize").asInt());
            assertEquals(unit.toString(), first.get("participants").get(0).get("businessUnitId").asText());
            assertEquals(420.0, first.get("effortHours").asDouble());

            JsonNode updated = data.get(1);
            assertEquals(1, updated.get("previous").get("version").asInt());
            assertEquals(1, updated.get("previous").get("groupSize").asInt());
            assertEquals(2, updated.get("current").get("version").asInt());
            assertEquals(2, updated.get("current").get("groupSize").asInt());

            JsonNode changed = data.get(2);
            assertEquals("PROPOSED", changed.get("from").asText());
            assertEquals("AGREED", changed.get("to").asText());
            assertEquals(3, changed.get("current").get("version").asInt());

            JsonNode cancelled = data.get(3);
            assertEquals("CANCELLED", cancelled.get("status").asText());
            assertEquals(4, cancelled.get("version").asInt());

            assertEquals("COMPLETED", data.get(4).get("status").asText());
            assertEquals("sam.lee@example.com", data.get(4).get("lead").get("email").asText());
        }
    }

    @Test
    void theSchemasRejectWhatTheContractForbids() throws Exception {
        JsonNode valid = mapper.readTree("""
            {"engagementId":"6a1f2e3d-4c5b-4a69-8877-665544332211","version":1,"type":"ONE_TO_ONE","title":"Coffee",
             "startAt":"2026-10-01T09:00:00Z","endAt":null,"status":"COMPLETED","direction":"MUTUAL","effortHours":1,
             "sentiment":null,"lead":null,"forumId":null,"hoursPledged":null,"hoursDelivered":null,
             "participants":[{"contactId":"3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11","role":"HOST","businessUnitId":null}],
             "groupSize":1,"occurredAt":"2026-10-01T10:00:00Z"}""");
        assertTrue(schema(EngagementEvents.LOGGED).validate(valid).isEmpty());
        JsonNode badType = mapper.readTree(valid.toString().replace("ONE_TO_ONE", "MEETING"));
        assertTrue(!schema(EngagementEvents.LOGGED).validate(badType).isEmpty());
        JsonNode noVersion = valid.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noVersion).remove("version");
        assertTrue(!schema(EngagementEvents.LOGGED).validate(noVersion).isEmpty());
        assertTrue(!schema(EngagementEvents.CANCELLED).validate(valid).isEmpty(), "cancelled needs status CANCELLED");
    }
}
