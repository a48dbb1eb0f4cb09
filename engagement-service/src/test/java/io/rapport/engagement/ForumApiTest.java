package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Forums, their occurrences (LEADERSHIP_FORUM engagements) and attendance. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ForumApiTest {

    static final String PATH = "/api/v1/forums";

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts;
    UUID unit;
    UUID ann;
    UUID ben;
    UUID cat;

    @BeforeEach
    void contacts() {
        contacts = new ContactFixture(bootstrap, mapper, contactRefs);
        unit = UUID.randomUUID();
        ann = contacts.activeContact(unit);
        ben = contacts.activeContact(unit);
        cat = contacts.activeContact(unit);
    }

    @AfterEach
    void close() {
        contacts.close();
    }

    static String forum(String name, UUID... members) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : members) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(id).append('"');
        }
        return "{\"name\":\"" + name + "\",\"cadence\":\"MONTHLY\",\"memberIds\":[" + ids + "]}";
    }

    static String occurrence(String at, UUID... attendees) {
        StringBuilder ids = new StringBuilder();
        for (UUID id : attendees) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(id).append('"');
        }
        return "{\"occurredAt\":\"" + at + "\",\"attendeeIds\":[" + ids + "],\"effortHours\":1.5}";
    }

    @Test
    void createReadListAndReplaceAForum() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(forum("Heads of function", ann, ben))
            .post(PATH).then().statusCode(201).header("ETag", "\"1\"")
            .body("name", equalTo("Heads of function")).body("cadence", equalTo("MONTHLY"))
            .body("memberIds", equalTo(List.of(ann.toString(), ben.toString()))).body("version", equalTo(1))
            .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PATH + "/" + id));

        given().get(PATH + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
        given().queryParam("size", 200).get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("sort", "colour").get(PATH).then().statusCode(400).body("errors[0].field", equalTo("sort"));

        String replacement = forum("Heads of function (new)", ben, cat).replace("MONTHLY", "FORTNIGHTLY");
        given().contentType(ContentType.JSON).body(replacement).put(PATH + "/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(replacement).put(PATH + "/" + id)
            .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(replacement).put(PATH + "/" + id)
            .then().statusCode(200).header("ETag", "\"2\"")
            .body("cadence", equalTo("FORTNIGHTLY"))
            .body("memberIds", equalTo(List.of(ben.toString(), cat.toString())));
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void invalidForumsAreRefused() {
        UUID stranger = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(forum("Forum", ann, stranger)).post(PATH).then().statusCode(422)
            .body("errors[0].field", equalTo("memberIds[1]"))
            .body("errors[0].message", equalTo("contact " + stranger + " is unknown"));
        given().contentType(ContentType.JSON).body("{\"name\":\"\",\"cadence\":\"YEARLY\"}").post(PATH).then().statusCode(400)
            .body("errors[0].field", equalTo("cadence"));
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}").post(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("cadence", "memberIds", "name")));
        given().contentType(ContentType.JSON).body(forum("Forum", ann, ann)).post(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("memberIds[1]")));
    }

    @Test
    void occurrencesBecomeForumEngagementsAndAttendanceIsCounted() {
        String id = given().contentType(ContentType.JSON).body(forum("Ops forum", ann, ben, cat)).post(PATH)
            .then().statusCode(201).extract().path("id");
        String occurrences = PATH + "/" + id + "/occurrences";

        ExtractableResponse<Response> first = given().contentType(ContentType.JSON)
            .body(occurrence("2026-09-01T10:00:00Z", ann, ben)).post(occurrences).then().statusCode(201)
            .header("ETag", "\"1\"")
            .body("type", equalTo("LEADERSHIP_FORUM")).body("status", equalTo("COMPLETED"))
            .body("forumId", equalTo(id)).body("title", equalTo("Ops forum")).body("direction", equalTo("MUTUAL"))
            .body("effortHours", equalTo(1.5f)).body("endAt", nullValue())
            .body("participants.role", equalTo(List.of("ATTENDEE", "ATTENDEE")))
            .body("participants[0].businessUnitId", equalTo(unit.toString()))
            .extract();
        given().get(first.header("Location")).then().statusCode(200).body("forumId", equalTo(id));
        given().contentType(ContentType.JSON).body(occurrence("2026-10-01T10:00:00Z", ann)).post(occurrences)
            .then().statusCode(201);
        String cancelled = given().contentType(ContentType.JSON).body(occurrence("2026-10-15T10:00:00Z", cat))
            .post(occurrences).then().statusCode(201).extract().path("id");
        given().delete("/api/v1/engagements/" + cancelled).then().statusCode(204);
        given().contentType(ContentType.JSON).body(occurrence("2026-11-01T10:00:00Z", ann, cat)).post(occurrences)
            .then().statusCode(201);

        given().get(PATH + "/" + id + "/attendance").then().statusCode(200)
            .body("contactId", equalTo(List.of(ann.toString(), ben.toString(), cat.toString())))
            .body("held", equalTo(List.of(3, 3, 3)))
            .body("attended", equalTo(List.of(3, 1, 1)))
            .body("rate", equalTo(List.of(1.0f, 0.33f, 0.33f)))
            .body("streak", equalTo(List.of(3, 0, 1)))
            .body("missedInARow", equalTo(List.of(0, 2, 0)));
        given().queryParam("forumId", id).get("/api/v1/engagements").then().body("total", equalTo(4));
    }

    @Test
    void occurrenceErrors() {
        String id = given().contentType(ContentType.JSON).body(forum("Finance forum", ann)).post(PATH)
            .then().statusCode(201).extract().path("id");
        UUID stranger = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(occurrence("2026-09-01T10:00:00Z", ann, stranger))
            .post(PATH + "/" + id + "/occurrences").then().statusCode(422)
            .body("errors[0].field", equalTo("attendeeIds[1]"));
        given().contentType(ContentType.JSON).body("{\"attendeeIds\":[],\"effortHours\":-1}")
            .post(PATH + "/" + id + "/occurrences").then().statusCode(400)
            .body("errors.field", equalTo(List.of("attendeeIds", "effortHours", "occurredAt")));
        given().contentType(ContentType.JSON).body(occurrence("2026-09-01T10:00:00Z", ann))
            .post(PATH + "/" + UUID.randomUUID() + "/occurrences").then().statusCode(404);
        given().get(PATH + "/" + UUID.randomUUID() + "/attendance").then().statusCode(404);
        given().get(PATH + "/" + id + "/attendance").then().statusCode(200)
            .body("held", equalTo(List.of(0))).body("rate", equalTo(List.of(0.0f))).body("streak", equalTo(List.of(0)))
            .body("missedInARow", equalTo(List.of(0)));
    }

    @Test
    void occurrenceIdempotencyKey() {
        String id = given().contentType(ContentType.JSON).body(forum("HR forum", ann)).post(PATH)
            .then().statusCode(201).extract().path("id");
        String key = "occ-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(occurrence("2026-09-01T10:00:00Z", ann)).post(PATH + "/" + id + "/occurrences")
            .then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(occurrence("2026-09-01T10:00:00Z", ann)).post(PATH + "/" + id + "/occurrences")
            .then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        given().get(PATH + "/" + id + "/attendance").then().body("held", equalTo(List.of(1)));
    }
}
