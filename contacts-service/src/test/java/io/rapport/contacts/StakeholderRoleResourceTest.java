package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class StakeholderRoleResourceTest {

    @Test
    void addListReplaceAndEndARole() {
        String contact = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        String base = "/api/v1/contacts/" + contact + "/stakeholder-roles";
        Map<String, Object> body = Fixtures.roleBody("SPONSOR", "2026-01-01", "2099-03-31");
        String roleId = given().contentType(ContentType.JSON).body(body).post(base)
            .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString(base + "/"))
            .body("contactId", equalTo(contact)).body("role", equalTo("SPONSOR")).body("open", equalTo(true))
            .body("endDate", equalTo("2099-03-31"))
            .extract().path("id");
        given().get("/api/v1/contacts/" + contact).then().body("kind", equalTo("STAKEHOLDER"));

        given().get(base).then().statusCode(200).body("items.id", contains(roleId)).body("total", equalTo(1))
            .body("page", equalTo(0)).body("size", equalTo(20));
        given().get(base + "/" + roleId).then().statusCode(200).header("ETag", "\"1\"");

        body.put("role", "APPROVER");
        given().contentType(ContentType.JSON).body(body).put(base + "/" + roleId).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(body).put(base + "/" + roleId)
            .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put(base + "/" + roleId)
            .then().statusCode(200).body("role", equalTo("APPROVER")).header("ETag", "\"2\"");

        given().delete(base + "/" + roleId).then().statusCode(204);
        given().get(base + "/" + roleId).then().body("open", equalTo(false))
            .body("endDate", equalTo(LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        given().get("/api/v1/contacts/" + contact).then().body("kind", equalTo("INTERNAL"));
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(body).put(base + "/" + roleId)
            .then().statusCode(409);
        given().delete(base + "/" + roleId).then().statusCode(204);
    }

    @Test
    void aRoleEndedInThePastDoesNotMakeAStakeholder() {
        String contact = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("OTHER", "2020-01-01", "2020-12-31"))
            .post("/api/v1/contacts/" + contact + "/stakeholder-roles").then().statusCode(201).body("open", equalTo(false));
        given().get("/api/v1/contacts/" + contact).then().body("kind", equalTo("INTERNAL"));
    }

    @Test
    void errorPaths() {
        String contact = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        String base = "/api/v1/contacts/" + contact + "/stakeholder-roles";
        given().contentType(ContentType.JSON)
            .body(Map.of("projectCode", "x".repeat(41), "role", "KING", "startDate", "2026-01-01"))
            .post(base).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", containsInAnyOrder("projectCode", "projectName", "role"));
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-05-01", "2026-01-01"))
            .post(base).then().statusCode(400).body("errors[0].field", equalTo("endDate"));
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-13-01", null))
            .post(base).then().statusCode(400).body("errors[0].field", equalTo("startDate"));

        String missingContact = "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6/stakeholder-roles";
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-01-01", null))
            .post(missingContact).then().statusCode(404).contentType("application/problem+json");
        given().get(missingContact).then().statusCode(404);
        String missingRole = base + "/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
        given().get(missingRole).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
            .body(Fixtures.roleBody("SPONSOR", "2026-01-01", null)).put(missingRole).then().statusCode(404);
        given().delete(missingRole).then().statusCode(404);
        given().get(base).then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void idempotentAdd() {
        String contact = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        String base = "/api/v1/contacts/" + contact + "/stakeholder-roles";
        Map<String, Object> body = Fixtures.roleBody("IMPACTED_LEAD", "2026-01-01", null);
        String key = "role-" + Fixtures.unique();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(base)
            .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(base)
            .then().statusCode(201).body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Fixtures.roleBody("OTHER", "2026-01-01", null)).post(base).then().statusCode(422);
        given().get(base).then().body("items", hasSize(1));
    }
}
