package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactResourceTest {

    @Test
    void createReadReplaceAndMarkLeft() {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        String location = given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(201).header("Location", containsString("/api/v1/contacts/"))
            .body("fullName", equalTo(body.get("fullName"))).body("status", equalTo("ACTIVE"))
            .body("kind", equalTo("INTERNAL")).body("version", equalTo(1))
            .body("owner.email", equalTo(((Map<?, ?>) body.get("owner")).get("email")))
            .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().get("/api/v1/contacts/" + id).then().statusCode(200).header("ETag", "\"1\"")
            .body("email", equalTo(body.get("email"))).body("expertise", contains("recruitment", ((List<?>) body.get("expertise")).get(1)))
            .body("notes", equalTo(body.get("notes")));

        body.put("jobTitle", "Head of People");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(200).header("ETag", "\"2\"").body("jobTitle", equalTo("Head of People"))
            .body("version", equalTo(2));

        given().delete("/api/v1/contacts/" + id).then().statusCode(204);
        given().get("/api/v1/contacts/" + id).then().statusCode(200).body("status", equalTo("LEFT"))
            .body("fullName", equalTo(body.get("fullName"))).header("ETag", "\"3\"");
        given().delete("/api/v1/contacts/" + id).then().statusCode(204);
        given().get("/api/v1/contacts/" + id).then().header("ETag", "\"3\"");

        body.put("status", "ACTIVE");
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void unknownContactIs404AsProblemDetails() {
        String missing = "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
        given().get(missing).then().statusCode(404).contentType("application/problem+json")
            .body("status", equalTo(404)).body("instance", equalTo(missing));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Fixtures.contactBody(Fixtures.createUnit(null)))
            .put(missing).then().statusCode(404);
        given().delete(missing).then().statusCode(404);
        given().post(missing + "/erasure").then().statusCode(404);
        given().get("/api/v1/contacts/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
            .body("errors[0].field", equalTo("id"));
    }

    @Test
    void validationListsEveryBadFieldByJsonPath() {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", " ");
        body.put("email", "not-an-email");
        body.put("phone", "call me");
        body.put("seniority", "INTERN");
        body.put("expertise", List.of("ok", ""));
        body.put("owner", Map.of("name", "Sam", "email", "nope"));
        String response = given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(400).contentType("application/problem+json")
            .body("title", equalTo("Validation failed"))
            .body("errors.field", containsInAnyOrder("fullName", "email", "phone", "businessUnitId", "seniority",
                "expertise[1]", "owner.email"))
            .body("errors.find { it.field == 'seniority' }.message",
                equalTo("must be one of EXECUTIVE, SENIOR_MANAGER, MANAGER, STAFF"))
            .extract().asString();
        assertNoInternals(response);
    }

    @Test
    void oversizedStringsAre400() {
        Map<String, Object> body = Fixtures.contactBody(Fixtures.createUnit(null));
        body.put("fullName", "x".repeat(201));
        body.put("jobTitle", "x".repeat(201));
        body.put("notes", "x".repeat(4001));
        body.put("phone", "1".repeat(41));
        body.put("expertise", List.of("y".repeat(51)));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(400)
            .body("errors.field", containsInAnyOrder("fullName", "jobTitle", "notes", "phone", "expertise[0]"));
    }

    @Test
    void invalidEnumsAndMalformedJsonAre400WithoutInternals() {
        Map<String, Object> body = Fixtures.contactBody(Fixtures.createUnit(null));
        body.put("seniority", "manager");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(400).body("errors[0].field", equalTo("seniority"));
        body.put("seniority", "MANAGER");
        body.put("status", "ERASED");
        String id = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(400).body("errors[0].field", equalTo("status"));
        body.put("status", "GONE");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(400).body("errors[0].field", equalTo("status"));

        String malformed = given().contentType(ContentType.JSON).body("{\"fullName\": ").post("/api/v1/contacts")
            .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertNoInternals(malformed);
        String badUuid = given().contentType(ContentType.JSON).body(Map.of("businessUnitId", "nope"))
            .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("businessUnitId"))
            .extract().asString();
        assertNoInternals(badUuid);
        given().queryParam("seniority", "BOSS").queryParam("status", "x").queryParam("kind", "y")
            .queryParam("size", 201).queryParam("businessUnitId", "z").queryParam("includeSubUnits", "maybe")
            .get("/api/v1/contacts")
            .then().statusCode(400)
            .body("errors.field", containsInAnyOrder("seniority", "status", "kind", "size", "businessUnitId",
                "includeSubUnits"));
    }

    @Test
    void duplicateEmailIs409CaseInsensitively() {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> first = Fixtures.contactBody(unit);
        Fixtures.createContact(first);
        Map<String, Object> second = Fixtures.contactBody(unit);
        second.put("email", ((String) first.get("email")).toUpperCase());
        given().contentType(ContentType.JSON).body(second).post("/api/v1/contacts")
            .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        String otherId = Fixtures.createContact(Fixtures.contactBody(unit));
        Map<String, Object> change = Fixtures.contactBody(unit);
        change.put("email", first.get("email"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).put("/api/v1/contacts/" + otherId)
            .then().statusCode(409);
    }

    @Test
    void replaceNeedsTheCurrentIfMatch() {
        Map<String, Object> body = Fixtures.contactBody(Fixtures.createUnit(null));
        String id = Fixtures.createContact(body);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(428).contentType("application/problem+json").body("status", equalTo(428));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/contacts/" + id)
            .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().get("/api/v1/contacts/" + id).then().header("ETag", "\"2\"");
    }

    @Test
    void idempotentCreateReplaysTheFirstResponseAndRefusesAnotherBody() {
        String unit = Fixtures.createUnit(null);
        Map<String, Object> body = Fixtures.contactBody(unit);
        String key = "contact-" + Fixtures.unique();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/contacts").then().statusCode(201).header("Idempotent-Replayed", "true")
            .header("Location", containsString(first)).body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Fixtures.contactBody(unit))
            .post("/api/v1/contacts").then().statusCode(422).contentType("application/problem+json");
        given().queryParam("q", body.get("email")).get("/api/v1/contacts").then().body("total", equalTo(1));
    }

    @Test
    void searchFiltersPagesAndSorts() {
        String parent = Fixtures.createUnit(null);
        String child = Fixtures.createUnit(parent);
        String tag = "tag-" + Fixtures.unique().toLowerCase();
        String owner = "owner." + Fixtures.unique().toLowerCase() + "@example.com";
        Map<String, Object> a = Fixtures.contactBody(parent);
        a.put("fullName", "Alice Zed");
        a.put("seniority", "EXECUTIVE");
        a.put("expertise", List.of(tag.toUpperCase()));
        a.put("owner", Map.of("name", "Olu", "email", owner));
        String aId = Fixtures.createContact(a);
        Map<String, Object> b = Fixtures.contactBody(child);
        b.put("fullName", "Bob Young");
        b.put("expertise", List.of(tag));
        String bId = Fixtures.createContact(b);
        Map<String, Object> c = Fixtures.contactBody(child);
        c.put("fullName", "Carol Xu");
        String cId = Fixtures.createContact(c);
        given().delete("/api/v1/contacts/" + cId).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-01-01", null))
            .post("/api/v1/contacts/" + bId + "/stakeholder-roles").then().statusCode(201);

        given().queryParam("businessUnitId", parent).get("/api/v1/contacts")
            .then().statusCode(200).body("items.id", contains(aId)).body("total", equalTo(1));
        given().queryParam("businessUnitId", parent).queryParam("includeSubUnits", "true").get("/api/v1/contacts")
            .then().body("items.id", contains(aId, bId, cId)).body("total", equalTo(3));
        given().queryParam("businessUnitId", parent).queryParam("includeSubUnits", "true")
            .queryParam("sort", "fullName,desc").queryParam("size", 2).queryParam("page", 0).get("/api/v1/contacts")
            .then().body("items.id", contains(cId, bId)).body("total", equalTo(3)).body("size", equalTo(2));
        given().queryParam("businessUnitId", parent).queryParam("includeSubUnits", "true")
            .queryParam("sort", "fullName,desc").queryParam("size", 2).queryParam("page", 1).get("/api/v1/contacts")
            .then().body("items.id", contains(aId)).body("page", equalTo(1));
        given().queryParam("tag", tag).get("/api/v1/contacts").then().body("items.id", containsInAnyOrder(aId, bId));
        given().queryParam("owner", owner.toUpperCase()).get("/api/v1/contacts").then().body("items.id", contains(aId));
        given().queryParam("businessUnitId", parent).queryParam("includeSubUnits", "true")
            .queryParam("seniority", "EXECUTIVE").get("/api/v1/contacts").then().body("items.id", contains(aId));
        given().queryParam("businessUnitId", child).queryParam("status", "LEFT").get("/api/v1/contacts")
            .then().body("items.id", contains(cId));
        given().queryParam("businessUnitId", child).queryParam("kind", "STAKEHOLDER").get("/api/v1/contacts")
            .then().body("items.id", contains(bId)).body("items[0].kind", equalTo("STAKEHOLDER"));
        given().queryParam("businessUnitId", child).queryParam("kind", "INTERNAL").get("/api/v1/contacts")
            .then().body("items.id", contains(cId));
        given().queryParam("q", ((String) b.get("email")).substring(0, 14).toUpperCase()).get("/api/v1/contacts")
            .then().body("items.id", hasItem(bId)).body("items.id", not(hasItem(aId)));
        given().queryParam("q", "100%_").get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("size", 200).get("/api/v1/contacts").then().statusCode(200)
            .body("items.status", everyItem(startsWith("")));
    }

    @Test
    void anUnknownBusinessUnitIsAFieldError() {
        Map<String, Object> body = Fixtures.contactBody("0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(400).body("errors[0].field", equalTo("businessUnitId"));
    }

    static void assertNoInternals(String response) {
        for (String leak : List.of("Exception", "at io.", "at org.", "java.", "SQL", "select ", "insert ", "jackson",
            "hibernate")) {
            assertFalse(response.contains(leak), () -> "response leaks '" + leak + "': " + response);
        }
        assertEquals(-1, response.indexOf("\tat "));
    }
}
