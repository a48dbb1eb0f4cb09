package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.BrokerControl;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Test
    void erasureLeavesNoPersonalFieldInAnyResponseOrTableAndPublishesContactErased() throws Exception {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        String key = "erase-me-" + Fixtures.unique();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        Map<String, Object> role = Fixtures.roleBody("SPONSOR", "2026-01-01", null);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(role)
            .post("/api/v1/contacts/" + id + "/stakeholder-roles").then().statusCode(201);
        List<String> personal = personalValues(body, role);

        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            probe.await(1, Duration.ofSeconds(30), r -> id.equals(r.key()) && r.value().contains("role.added"));

            Map<String, Object> changed = Fixtures.contactBody(unit);
            personal.addAll(personalValues(changed, Map.of()));
            if (BrokerControl.available()) {
                BrokerControl.stop(); // so that the next events are still pending in the outbox when erasure runs
            }
            try {
                given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                    .put("/api/v1/contacts/" + id).then().statusCode(200);
                if (BrokerControl.available()) {
                    assertTrue(outboxRows(id) > 0, "the update waits in the outbox");
                }

                given().post("/api/v1/contacts/" + id + "/erasure").then().statusCode(200)
                    .body("id", equalTo(id)).body("businessUnitId", equalTo(unit)).body("status", equalTo("ERASED"))
                    .body("fullName", nullValue()).body("email", nullValue()).body("phone", nullValue())
                    .body("jobTitle", nullValue()).body("notes", nullValue()).body("owner", nullValue())
                    .body("expertise", hasSize(0));

                assertNoTableHolds(personal);
                List<String> pendingTypes = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("select event_type from outbox_event where message_key = :key order by seq", String.class)
                    .setParameter("key", id).getResultList());
                if (BrokerControl.available()) {
                    assertEquals(List.of(ContactEvents.CONTACT_ERASED), pendingTypes,
                        "pending events of the contact were dropped, ContactErased written");
                }
            } finally {
                if (BrokerControl.available()) {
                    BrokerControl.start();
                }
            }

            List<ConsumerRecord<String, String>> erased = probe.await(1, Duration.ofSeconds(60),
                r -> id.equals(r.key()) && r.value().contains(ContactEvents.CONTACT_ERASED));
            assertEquals(1, erased.size(), "ContactErased is on the topic");
            JsonNode data = mapper.readTree(erased.get(0).value()).get("data");
            assertEquals("ERASED", data.get("status").asText());
            assertEquals(unit, data.get("businessUnitId").asText());
            assertFalse(data.has("fullName") || data.has("email"));
            for (ConsumerRecord<String, String> record : probe.drain(Duration.ofSeconds(2), r -> id.equals(r.key()))) {
                if (!record.value().contains("role.added")) {
                    for (String value : personal) {
                        assertFalse(record.value().toLowerCase(Locale.ROOT).contains(value),
                            "an event published after the erasure started carries " + value);
                    }
                }
            }
        }

        // every endpoint answers the shell, never the data
        String read = given().get("/api/v1/contacts/" + id).then().statusCode(200)
            .body("status", equalTo("ERASED")).extract().asString();
        String list = given().queryParam("businessUnitId", unit).get("/api/v1/contacts").then().statusCode(200)
            .body("items", hasSize(1)).extract().asString();
        String roles = given().get("/api/v1/contacts/" + id + "/stakeholder-roles").then().statusCode(200)
            .body("items", hasSize(0)).extract().asString();
        String replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/contacts").then().statusCode(201).body("id", equalTo(id)).body("status", equalTo("ERASED"))
            .extract().asString();
        String again = given().post("/api/v1/contacts/" + id + "/erasure").then().statusCode(200).extract().asString();
        for (String response : List.of(read, list, roles, replay, again)) {
            for (String value : personal) {
                assertFalse(response.toLowerCase(Locale.ROOT).contains(value), "a response still carries " + value);
            }
        }
        given().queryParam("q", body.get("email")).get("/api/v1/contacts").then().body("total", equalTo(0));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(409);
        given().delete("/api/v1/contacts/" + id).then().statusCode(409);
        assertNoTableHolds(personal);
    }

    private long outboxRows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
            .createNativeQuery("select count(*) from outbox_event where message_key = :key")
            .setParameter("key", key).getSingleResult()).longValue());
    }

    /** Reads every row of every table of the schema as text and looks for each value. */
    @SuppressWarnings("unchecked")
    private void assertNoTableHolds(List<String> values) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> tables = entityManager.createNativeQuery("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class).getResultList();
            assertTrue(tables.containsAll(List.of("contact", "stakeholder_role", "outbox_event", "idempotency_key")));
            for (String table : tables) {
                List<String> rows = entityManager.createNativeQuery("select lower(cast(t as text)) from \"" + table + "\" t",
                    String.class).getResultList();
                for (String row : rows) {
                    for (String value : values) {
                        assertFalse(row.contains(value), () -> "table " + table + " still holds " + value);
                    }
                }
            }
        });
    }

    private static List<String> personalValues(Map<String, Object> contact, Map<String, Object> role) {
        List<String> values = new ArrayList<>();
        for (String field : List.of("fullName", "email", "phone", "jobTitle", "notes")) {
            values.add(((String) contact.get(field)).toLowerCase(Locale.ROOT));
        }
        values.add(((String) ((List<?>) contact.get("expertise")).get(1)).toLowerCase(Locale.ROOT));
        Map<?, ?> owner = (Map<?, ?>) contact.get("owner");
        values.add(((String) owner.get("name")).toLowerCase(Locale.ROOT));
        values.add(((String) owner.get("email")).toLowerCase(Locale.ROOT));
        if (!role.isEmpty()) {
            values.add(((String) role.get("projectName")).toLowerCase(Locale.ROOT));
        }
        return values;
    }
}
