package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class BusinessUnitResourceTest {

    @Test
    void createReadListReplaceDelete() {
        String code = "HR" + Fixtures.unique();
        String location = given().contentType(ContentType.JSON)
            .body(Map.of("code", code, "name", "Human Resources"))
            .post("/api/v1/business-units")
            .then().statusCode(201)
            .header("Location", startsWith("http"))
            .body("code", equalTo(code)).body("name", equalTo("Human Resources")).body("parentId", nullValue())
            .body("version", equalTo(1)).body("createdAt", notNullValue())
            .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().get("/api/v1/business-units/" + id).then().statusCode(200)
            .header("ETag", "\"1\"").body("id", equalTo(id)).body("code", equalTo(code));

        given().queryParam("size", 200).queryParam("sort", "createdAt,desc").get("/api/v1/business-units")
            .then().statusCode(200).body("items.id", hasItem(id)).body("page", equalTo(0)).body("size", equalTo(200))
            .body("total", notNullValue());

        String parent = Fixtures.createUnit(null);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
            .body(Map.of("code", code, "name", "People", "parentId", parent))
            .put("/api/v1/business-units/" + id)
            .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("People")).body("parentId", equalTo(parent))
            .body("version", equalTo(2));

        given().delete("/api/v1/business-units/" + id).then().statusCode(204);
        given().get("/api/v1/business-units/" + id).then().statusCode(404)
            .contentType("application/problem+json").body("status", equalTo(404));
        given().delete("/api/v1/business-units/" + id).then().statusCode(404);
    }

    @Test
    void validationListsEveryBadField() {
        given().contentType(ContentType.JSON).body(Map.of("code", "lower case!", "name", "x".repeat(201)))
            .post("/api/v1/business-units")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", containsInAnyOrder("code", "name"));
        given().contentType(ContentType.JSON).body(Map.of("code", "OK" + Fixtures.unique(), "name", "x",
                "parentId", "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f"))
            .post("/api/v1/business-units")
            .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        given().queryParam("size", 500).queryParam("page", -1).get("/api/v1/business-units")
            .then().statusCode(400).body("errors.field", containsInAnyOrder("page", "size"));
        given().queryParam("sort", "secret,asc").get("/api/v1/business-units")
            .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void duplicateCodeIs409() {
        String code = "FIN" + Fixtures.unique();
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Finance"))
            .post("/api/v1/business-units").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "name", "Finance again"))
            .post("/api/v1/business-units").then().statusCode(409).contentType("application/problem+json")
            .body("title", equalTo("Conflict"));
    }

    @Test
    void deleteIsRefusedWhileContactsOrSubUnitsReferenceTheUnit() {
        String parent = Fixtures.createUnit(null);
        String child = Fixtures.createUnit(parent);
        given().delete("/api/v1/business-units/" + parent).then().statusCode(409)
            .contentType("application/problem+json");
        Fixtures.createContact(Fixtures.contactBody(child));
        given().delete("/api/v1/business-units/" + child).then().statusCode(409)
            .contentType("application/problem+json");
        given().get("/api/v1/business-units/" + child).then().statusCode(200);
    }

    @Test
    void cyclesAreRefused() {
        String top = Fixtures.createUnit(null);
        String middle = Fixtures.createUnit(top);
        String bottom = Fixtures.createUnit(middle);
        String topCode = given().get("/api/v1/business-units/" + top).then().extract().path("code");
        Map<String, Object> body = new HashMap<>();
        body.put("code", topCode);
        body.put("name", "Top");
        body.put("parentId", bottom);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
            .put("/api/v1/business-units/" + top).then().statusCode(409);
        body.put("parentId", top);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
            .put("/api/v1/business-units/" + top).then().statusCode(409);
        given().get("/api/v1/business-units/" + top).then().body("parentId", nullValue()).header("ETag", "\"1\"");
    }

    @Test
    void replaceNeedsTheCurrentIfMatch() {
        String id = Fixtures.createUnit(null);
        Map<String, Object> body = Map.of("code", "IT" + Fixtures.unique(), "name", "IT");
        given().contentType(ContentType.JSON).body(body).put("/api/v1/business-units/" + id)
            .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body).put("/api/v1/business-units/" + id)
            .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
            .put("/api/v1/business-units/0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f").then().statusCode(404);
    }

    @Test
    void idempotentCreate() {
        Map<String, Object> body = Map.of("code", "LEG" + Fixtures.unique(), "name", "Legal");
        String key = "unit-" + Fixtures.unique();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/business-units").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
            .post("/api/v1/business-units").then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("code", "OPS" + Fixtures.unique(), "name", "Operations"))
            .post("/api/v1/business-units").then().statusCode(422).contentType("application/problem+json");
    }
}
