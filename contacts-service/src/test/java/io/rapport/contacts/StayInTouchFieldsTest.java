package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

import jakarta.inject.Inject;

/**
 * Issue 17's contact fields: cadenceDays (1–365), influence and interest (LOW | MEDIUM | HIGH), stance
 * (CHAMPION … RESISTOR), all optional on create and replace, validated with every bad field listed, carried by
 * the version 2 contact events, taken by the CSV import as optional columns, and cleared by erasure.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class StayInTouchFieldsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Test
    void optionalOnCreateAndReplaceAndCarriedByTheVersion2Events() throws Exception {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        body.putAll(Map.of("cadenceDays", 30, "influence", "HIGH", "interest", "MEDIUM", "stance", "SCEPTIC"));
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            String id = Fixtures.createContact(body);
            given().get("/api/v1/contacts/" + id).then().statusCode(200).body("cadenceDays", equalTo(30))
                .body("influence", equalTo("HIGH")).body("interest", equalTo("MEDIUM")).body("stance", equalTo("SCEPTIC"));

            // PUT replaces every field: omitted, they are null again
            given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Fixtures.contactBody(unit))
                .put("/api/v1/contacts/" + id).then().statusCode(200).body("cadenceDays", nullValue())
                .body("influence", nullValue()).body("interest", nullValue()).body("stance", nullValue());
            Map<String, Object> again = Fixtures.contactBody(unit);
            again.putAll(Map.of("cadenceDays", 365, "stance", "RESISTOR"));
            given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(again)
                .put("/api/v1/contacts/" + id).then().statusCode(200).body("cadenceDays", equalTo(365))
                .body("stance", equalTo("RESISTOR")).body("influence", nullValue());

            List<ConsumerRecord<String, String>> events = probe.await(3, Duration.ofSeconds(30), r -> id.equals(r.key()));
            assertEquals(3, events.size());
            JsonNode created = mapper.readTree(events.get(0).value());
            assertEquals("rapport.contact.created.v2", created.get("type").asText());
            assertEquals(30, created.get("data").get("cadenceDays").asInt());
            assertEquals("HIGH", created.get("data").get("influence").asText());
            assertEquals("MEDIUM", created.get("data").get("interest").asText());
            assertEquals("SCEPTIC", created.get("data").get("stance").asText());
            JsonNode cleared = mapper.readTree(events.get(1).value()).get("data");
            assertEquals("rapport.contact.updated.v2", mapper.readTree(events.get(1).value()).get("type").asText());
            assertTrue(cleared.has("cadenceDays") && cleared.get("cadenceDays").isNull(), "null fields are written: " + cleared);
            assertEquals("RESISTOR", mapper.readTree(events.get(2).value()).get("data").get("stance").asText());
        }
    }

    @Test
    void everyBadValueIsListed() {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        body.putAll(Map.of("cadenceDays", 0, "influence", "HUGE", "interest", "high", "stance", "HOSTILE"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", containsInAnyOrder("cadenceDays", "influence", "interest", "stance"))
            .body("errors.find { it.field == 'cadenceDays' }.message", equalTo("must be greater than or equal to 1"))
            .body("errors.find { it.field == 'influence' }.message", equalTo("must be one of LOW, MEDIUM, HIGH"))
            .body("errors.find { it.field == 'stance' }.message",
                equalTo("must be one of CHAMPION, SUPPORTER, NEUTRAL, SCEPTIC, RESISTOR"));
        body.put("cadenceDays", 366);
        body.put("influence", "LOW");
        body.put("interest", "LOW");
        body.put("stance", "NEUTRAL");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().statusCode(400)
            .body("errors.field", contains("cadenceDays"))
            .body("errors[0].message", equalTo("must be less than or equal to 365"));
        body.put("cadenceDays", "monthly");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts").then().statusCode(400)
            .body("errors.field", contains("cadenceDays"));
    }

    @Test
    void theCsvImportTakesThemAsOptionalTrailingColumns() {
        String unit = Fixtures.createUnit(null);
        String code = given().get("/api/v1/business-units/" + unit).then().extract().path("code");
        String u = Fixtures.unique().toLowerCase();
        String csv = String.join("\n",
            "fullName,email,phone,jobTitle,businessUnitCode,seniority,expertise,ownerName,ownerEmail,cadenceDays,influence,interest,stance",
            "Ann Full " + u + ",ann." + u + "@example.com,,," + code + ",EXECUTIVE,,,,30,HIGH,HIGH,CHAMPION",
            "Ben Empty " + u + ",ben." + u + "@example.com,,," + code + ",STAFF,,,,,,,",
            "Cy Bad " + u + ",cy." + u + "@example.com,,," + code + ",STAFF,,,,monthly,HUGE,LOW,HOSTILE",
            "Di Range " + u + ",di." + u + "@example.com,,," + code + ",STAFF,,,,400,,,",
            "");
        given().contentType("text/csv").body(csv).post("/api/v1/contacts/import").then().statusCode(200)
            .body("imported", equalTo(2))
            .body("rejected.line", contains(4, 5))
            .body("rejected.find { it.line == 4 }.errors", contains("cadenceDays: must be a whole number of days from 1 to 365",
                "influence: must be one of LOW, MEDIUM, HIGH", "stance: must be one of CHAMPION, SUPPORTER, NEUTRAL, SCEPTIC, RESISTOR"))
            .body("rejected.find { it.line == 5 }.errors", contains("cadenceDays: must be less than or equal to 365"));
        given().queryParam("q", "ann." + u).get("/api/v1/contacts").then().body("items[0].cadenceDays", equalTo(30))
            .body("items[0].influence", equalTo("HIGH")).body("items[0].interest", equalTo("HIGH"))
            .body("items[0].stance", equalTo("CHAMPION"));
        given().queryParam("q", "ben." + u).get("/api/v1/contacts").then().body("items[0].cadenceDays", nullValue())
            .body("items[0].stance", nullValue());
        // the original nine columns alone still work
        given().contentType("text/csv").body("fullName,email,businessUnitCode,seniority\nEd " + u + ",ed." + u
            + "@example.com," + code + ",STAFF\n").post("/api/v1/contacts/import").then().statusCode(200)
            .body("imported", equalTo(1));
    }

    @Test
    void erasureClearsThem() {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        body.putAll(Map.of("cadenceDays", 45, "influence", "HIGH", "interest", "LOW", "stance", "SUPPORTER"));
        String id = Fixtures.createContact(body);
        given().post("/api/v1/contacts/" + id + "/erasure").then().statusCode(200).body("status", equalTo("ERASED"))
            .body("cadenceDays", nullValue()).body("influence", nullValue()).body("interest", nullValue())
            .body("stance", nullValue());
    }
}
