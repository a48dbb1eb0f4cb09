package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
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
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Every engagement endpoint and its errors, against real PostgreSQL and the real broker. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class EngagementApiTest {

    static final String PATH = "/api/v1/engagements";

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts;
    UUID unitA;
    UUID unitB;
    UUID alice;
    UUID bob;

    @BeforeEach
    void contacts() {
        contacts = new ContactFixture(bootstrap, mapper, contactRefs);
        unitA = UUID.randomUUID();
        unitB = UUID.randomUUID();
        alice = contacts.activeContact(unitA);
        bob = contacts.activeContact(unitB);
    }

    @AfterEach
    void close() {
        contacts.close();
    }

    static String oneToOne(UUID... participants) {
        StringBuilder list = new StringBuilder();
        for (UUID id : participants) {
            list.append(list.length() == 0 ? "" : ",").append("{\"contactId\":\"").append(id).append("\",\"role\":\"ATTENDEE\"}");
        }
        return """
            {"type":"ONE_TO_ONE","title":"Coffee with HR","startAt":"2026-10-01T09:00:00Z","endAt":"2026-10-01T10:00:00Z",
             "participants":[%s],"direction":"MUTUAL","effortHours":1,"sentiment":4,"outcome":"Agreed to meet monthly",
             "lead":{"name":"Sam Lee","email":"sam.lee@example.com"}}""".formatted(list);
    }

    static String secondment(UUID contact) {
        return """
            {"type":"SECONDMENT","title":"Payroll analyst seconded to ERP cut-over","startAt":"2026-09-01T09:00:00Z",
             "endAt":"2026-11-30T17:00:00Z","participants":[{"contactId":"%s","role":"SECONDEE"}],
             "direction":"PMO_RECEIVED","effortHours":420,"hoursPledged":480}""".formatted(contact);
    }

    static ExtractableResponse<Response> post(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then().extract();
    }

    static String create(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void logsAnEngagementRecordingEachParticipantsUnit() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(oneToOne(alice, bob)).post(PATH)
            .then().statusCode(201)
            .header("ETag", "\"1\"")
            .body("type", equalTo("ONE_TO_ONE"))
            .body("status", equalTo("COMPLETED"))
            .body("version", equalTo(1))
            .body("participants.contactId", containsInAnyOrder(alice.toString(), bob.toString()))
            .body("participants.find { it.contactId == '" + alice + "' }.businessUnitId", equalTo(unitA.toString()))
            .body("participants.find { it.contactId == '" + bob + "' }.businessUnitId", equalTo(unitB.toString()))
            .body("lead.email", equalTo("sam.lee@example.com"))
            .body("effortHours", equalTo(1.0f))
            .body("sentiment", equalTo(4))
            .body("hoursPledged", nullValue())
            .body("createdAt", notNullValue())
            .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith(PATH + "/" + id));

        given().get(created.header("Location")).then().statusCode(200)
            .header("ETag", "\"1\"")
            .body("id", equalTo(id))
            .body("title", equalTo("Coffee with HR"))
            .body("startAt", equalTo("2026-10-01T09:00:00Z"))
            .body("outcome", equalTo("Agreed to meet monthly"));
    }

    @Test
    void unknownEngagementIs404ProblemDetails() {
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
            .contentType("application/problem+json")
            .body("status", equalTo(404))
            .body("type", endsWith("/not-found"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(oneToOne(alice))
            .put(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        given().delete(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}")
            .post(PATH + "/" + UUID.randomUUID() + "/transitions").then().statusCode(404);
    }

    @Test
    void unknownLeftAndErasedContactsAreRefusedEachByName() {
        UUID unknown = UUID.randomUUID();
        UUID leaver = contacts.activeContact(unitA);
        contacts.contactEvent("rapport.contact.left.v1", leaver, unitA, "LEFT", 2);
        contacts.awaitContact(leaver, c -> c.status == ContactStatus.LEFT);
        UUID erased = contacts.activeContact(unitB);
        contacts.contactEvent("rapport.contact.erased.v1", erased, unitB, "ERASED", 2);
        contacts.awaitContact(erased, c -> c.status == ContactStatus.ERASED);

        given().contentType(ContentType.JSON).body(oneToOne(alice, unknown, leaver, erased)).post(PATH)
            .then().statusCode(422)
            .contentType("application/problem+json")
            .body("detail", containsString(unknown.toString()))
            .body("detail", containsString(leaver.toString()))
            .body("detail", containsString(erased.toString()))
            .body("errors", hasSize(3))
            .body("errors.find { it.field == 'participants[1].contactId' }.message", equalTo("contact " + unknown + " is unknown"))
            .body("errors.find { it.field == 'participants[2].contactId' }.message", equalTo("contact " + leaver + " has left"))
            .body("errors.find { it.field == 'participants[3].contactId' }.message", equalTo("contact " + erased + " was erased"));

        given().queryParam("contactId", alice.toString()).get(PATH).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void endBeforeStartNegativeEffortAndSentimentOutOfRangeAreListedTogether() {
        String body = """
            {"type":"ONE_TO_ONE","title":"Coffee","startAt":"2026-10-01T09:00:00Z","endAt":"%s",
             "participants":[{"contactId":"%s"}],"direction":"MUTUAL","effortHours":%s,"sentiment":%s}""";
        given().contentType(ContentType.JSON).body(body.formatted("2026-09-30T09:00:00Z", alice, "-1", "6")).post(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("type", endsWith("/validation"))
            .body("detail", equalTo("3 fields are invalid"))
            .body("errors.field", containsInAnyOrder("endAt", "effortHours", "sentiment"))
            .body("errors.find { it.field == 'endAt' }.message", equalTo("must not be before startAt"));
        given().contentType(ContentType.JSON).body(body.formatted("2026-10-01T10:00:00Z", alice, "2", "0")).post(PATH)
            .then().statusCode(400)
            .body("errors.field", equalTo(List.of("sentiment")));
        given().contentType(ContentType.JSON).body(body.formatted("2026-10-01T10:00:00Z", alice, "-0.5", "5")).post(PATH)
            .then().statusCode(400)
            .body("errors.field", equalTo(List.of("effortHours")));
        given().contentType(ContentType.JSON).body(body.formatted("2026-10-01T10:00:00Z", alice, "0", "1")).post(PATH)
            .then().statusCode(201);
    }

    @Test
    void unknownTypeIs400NamingTheField() {
        given().contentType(ContentType.JSON).body(oneToOne(alice).replace("ONE_TO_ONE", "MEETING")).post(PATH)
            .then().statusCode(400)
            .body("errors[0].field", equalTo("type"))
            .body("errors[0].message", containsString("ONE_TO_ONE"))
            .body(not(containsString("Exception")))
            .body(not(containsString("io.rapport")));
    }

    @Test
    void missingFieldsAreAllListedByJsonPath() {
        given().contentType(ContentType.JSON)
            .body("{\"title\":\" \",\"participants\":[{\"role\":\"HOST\"}],\"lead\":{\"name\":\"Sam\",\"email\":\"not-an-email\"}}")
            .post(PATH).then().statusCode(400)
            .body("errors.field", containsInAnyOrder("type", "title", "startAt", "direction", "participants[0].contactId",
                "lead.email"));
        given().contentType(ContentType.JSON).body(oneToOne()).post(PATH).then().statusCode(400)
            .body("errors.field", hasItem("participants"));
        given().contentType(ContentType.JSON).body(oneToOne(alice, alice)).post(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("participants[1].contactId")));
        given().contentType(ContentType.JSON).body("{not json").post(PATH).then().statusCode(400)
            .contentType("application/problem+json")
            .body("type", endsWith("/malformed-json"));
    }

    @Test
    void longRunningTypesNeedAnEndAndHoursBelongToThemOnly() {
        given().contentType(ContentType.JSON).body(secondment(alice).replace("\"endAt\":\"2026-11-30T17:00:00Z\",", ""))
            .post(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("endAt")))
            .body("errors[0].message", equalTo("is required for type SECONDMENT"));
        given().contentType(ContentType.JSON).body(oneToOne(alice).replace("\"sentiment\":4", "\"sentiment\":4,\"hoursPledged\":3"))
            .post(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("hoursPledged")));
    }

    @Test
    void aSecondmentFollowsItsLifecycleAndAnInvalidTransitionIs409() {
        String id = given().contentType(ContentType.JSON).body(secondment(alice)).post(PATH).then().statusCode(201)
            .body("status", equalTo("PROPOSED")).body("hoursPledged", equalTo(480.0f)).extract().path("id");
        String transitions = PATH + "/" + id + "/transitions";

        given().contentType(ContentType.JSON).body("{\"to\":\"COMPLETED\"}").post(transitions).then().statusCode(409)
            .contentType("application/problem+json")
            .body("detail", containsString("PROPOSED to COMPLETED"));

        given().contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}").post(transitions).then().statusCode(200)
            .header("ETag", "\"2\"").body("status", equalTo("AGREED")).body("version", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"to\":\"ACTIVE\"}").post(transitions)
            .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"to\":\"ACTIVE\",\"hoursDelivered\":100}")
            .post(transitions).then().statusCode(200)
            .body("status", equalTo("ACTIVE")).body("hoursDelivered", equalTo(100.0f));
        given().contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}").post(transitions).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"to\":\"COMPLETED\",\"hoursDelivered\":420}").post(transitions)
            .then().statusCode(200).body("status", equalTo("COMPLETED")).body("version", equalTo(4));
        given().contentType(ContentType.JSON).body("{\"to\":\"CANCELLED\"}").post(transitions).then().statusCode(409);
        given().delete(PATH + "/" + id).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"to\":\"FINISHED\"}").post(transitions).then().statusCode(400)
            .body("errors[0].field", equalTo("to"));
        given().get(PATH + "/" + id).then().body("status", equalTo("COMPLETED")).body("version", equalTo(4));
    }

    @Test
    void otherTypesCanOnlyBeCancelled() {
        String id = create(oneToOne(alice));
        given().contentType(ContentType.JSON).body("{\"to\":\"ACTIVE\"}").post(PATH + "/" + id + "/transitions")
            .then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"to\":\"CANCELLED\"}").post(PATH + "/" + id + "/transitions")
            .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void replaceNeedsTheCurrentIfMatch() {
        String id = create(oneToOne(alice));
        String changed = oneToOne(alice, bob).replace("Coffee with HR", "Lunch with HR");

        given().contentType(ContentType.JSON).body(changed).put(PATH + "/" + id).then().statusCode(428)
            .contentType("application/problem+json").body("status", equalTo(428));
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed).put(PATH + "/" + id)
            .then().statusCode(412).body("status", equalTo(412));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed).put(PATH + "/" + id)
            .then().statusCode(200)
            .header("ETag", "\"2\"")
            .body("title", equalTo("Lunch with HR"))
            .body("version", equalTo(2))
            .body("participants", hasSize(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(oneToOne(alice)).put(PATH + "/" + id)
            .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(secondment(alice)).put(PATH + "/" + id)
            .then().statusCode(409);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
            .body(changed.replace("\"effortHours\":1", "\"effortHours\":-3")).put(PATH + "/" + id)
            .then().statusCode(400).body("errors.field", equalTo(List.of("effortHours")));
        given().get(PATH + "/" + id).then().body("title", equalTo("Lunch with HR")).body("version", equalTo(2));
    }

    @Test
    void aParticipantKeepsTheUnitRecordedAtTheTimeOfTheEngagement() {
        String id = create(oneToOne(alice));
        UUID newUnit = UUID.randomUUID();
        contacts.contactEvent("rapport.contact.updated.v1", alice, newUnit, "ACTIVE", 2);
        contacts.awaitContact(alice, c -> newUnit.equals(c.businessUnitId));

        given().get(PATH + "/" + id).then().body("participants[0].businessUnitId", equalTo(unitA.toString()));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(oneToOne(alice, bob)).put(PATH + "/" + id)
            .then().statusCode(200)
            .body("participants.find { it.contactId == '" + alice + "' }.businessUnitId", equalTo(unitA.toString()))
            .body("participants.find { it.contactId == '" + bob + "' }.businessUnitId", equalTo(unitB.toString()));
        given().contentType(ContentType.JSON).body(oneToOne(alice)).post(PATH).then().statusCode(201)
            .body("participants[0].businessUnitId", equalTo(newUnit.toString()));
        // a participant recorded before leaving may stay on the engagement
        contacts.contactEvent("rapport.contact.left.v1", bob, unitB, "LEFT", 2);
        contacts.awaitContact(bob, c -> c.status == ContactStatus.LEFT);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(oneToOne(alice, bob)).put(PATH + "/" + id)
            .then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void deleteCancelsOnceAndACancelledEngagementCannotChange() {
        String id = create(oneToOne(alice));
        given().header("If-Match", "\"9\"").delete(PATH + "/" + id).then().statusCode(412);
        given().delete(PATH + "/" + id).then().statusCode(204).header("ETag", "\"2\"");
        given().get(PATH + "/" + id).then().statusCode(200).body("status", equalTo("CANCELLED")).body("version", equalTo(2));
        given().delete(PATH + "/" + id).then().statusCode(204).header("ETag", "\"2\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(oneToOne(alice)).put(PATH + "/" + id)
            .then().statusCode(409);
    }

    @Test
    void listFiltersPagesAndSorts() {
        UUID unit = UUID.randomUUID();
        UUID carol = contacts.activeContact(unit);
        String first = create(oneToOne(carol).replace("2026-10-01", "2026-01-10"));
        String second = create(oneToOne(carol, alice).replace("2026-10-01", "2026-02-10"));
        String third = create(secondment(carol).replace("2026-09-01", "2026-03-01"));
        create(oneToOne(alice));

        given().queryParam("businessUnitId", unit.toString()).get(PATH).then().statusCode(200)
            .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
            .body("items.id", equalTo(List.of(third, second, first)));
        given().queryParam("contactId", carol.toString()).queryParam("sort", "startAt,asc").get(PATH).then()
            .body("items.id", equalTo(List.of(first, second, third)));
        given().queryParam("contactId", carol.toString()).queryParam("type", "SECONDMENT").get(PATH).then()
            .body("items.id", equalTo(List.of(third)));
        given().queryParam("contactId", carol.toString()).queryParam("status", "PROPOSED").get(PATH).then()
            .body("items.id", equalTo(List.of(third)));
        given().queryParam("contactId", carol.toString()).queryParam("from", "2026-02-01").queryParam("to", "2026-02-10")
            .get(PATH).then().body("items.id", equalTo(List.of(second)));
        given().queryParam("contactId", carol.toString()).queryParam("from", "2026-02-10T09:00:01Z").get(PATH).then()
            .body("items.id", equalTo(List.of(third)));
        given().queryParams(Map.of("contactId", carol.toString(), "size", 2, "page", 1, "sort", "startAt,desc"))
            .get(PATH).then().body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
            .body("items.id", equalTo(List.of(first)));
    }

    @Test
    void badListParametersAreEachNamed() {
        given().queryParams(Map.of("type", "MEETING", "size", 500, "page", -1, "sort", "colour,up", "contactId", "x",
                "from", "yesterday"))
            .get(PATH).then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", containsInAnyOrder("type", "size", "page", "sort", "contactId", "from"));
        given().queryParams(Map.of("from", "2026-03-01", "to", "2026-02-01")).get(PATH).then().statusCode(400)
            .body("errors.field", equalTo(List.of("to")));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
        UUID dave = contacts.activeContact(unitA);
        String key = "engagement-" + UUID.randomUUID();
        ExtractableResponse<Response> first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(oneToOne(dave)).post(PATH).then().statusCode(201).extract();
        ExtractableResponse<Response> again = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(oneToOne(dave)).post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals((String) first.path("id"), again.path("id"));
        assertEquals(first.header("Location"), again.header("Location"));

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(oneToOne(dave, alice)).post(PATH)
            .then().statusCode(422).contentType("application/problem+json");
        given().queryParam("contactId", dave.toString()).get(PATH).then().body("total", equalTo(1));
    }
}
