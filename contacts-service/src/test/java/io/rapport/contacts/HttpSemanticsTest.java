package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * HTTP semantics the contract promises (issue 16): 201 carries the ETag (first answer and replay), If-Match is
 * compared strongly, If-None-Match gives 304, a malformed id or paging value is a 400 naming it.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class HttpSemanticsTest {

    @Test
    void createdResourcesCarryTheirEtagAlsoWhenReplayed() {
        Map<String, Object> unit = new HashMap<>(Map.of("code", "E" + Fixtures.unique(), "name", "Etag unit"));
        String key = "unit-" + Fixtures.unique();
        String unitId = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(unit)
            .post("/api/v1/business-units").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(unit).post("/api/v1/business-units")
            .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"");

        String contactId = given().contentType(ContentType.JSON).body(Fixtures.contactBody(unitId))
            .post("/api/v1/contacts").then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().contentType(ContentType.JSON).body(Fixtures.roleBody("SPONSOR", "2026-01-01", null))
            .post("/api/v1/contacts/" + contactId + "/stakeholder-roles").then().statusCode(201).header("ETag", "\"1\"");
    }

    @Test
    void aWeakIfMatchNeverMatches() {
        String unitId = Fixtures.createUnit(null);
        Map<String, Object> body = Map.of("code", "W" + Fixtures.unique(), "name", "Renamed");
        given().contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(body)
            .put("/api/v1/business-units/" + unitId).then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
            .put("/api/v1/business-units/" + unitId).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionIs304WithoutABody() {
        String unitId = Fixtures.createUnit(null);
        String contactId = Fixtures.createContact(Fixtures.contactBody(unitId));
        for (String path : new String[] {"/api/v1/business-units/" + unitId, "/api/v1/contacts/" + contactId}) {
            given().header("If-None-Match", "\"1\"").get(path).then().statusCode(304).header("ETag", "\"1\"")
                .body(emptyString());
            given().header("If-None-Match", "W/\"1\"").get(path).then().statusCode(304);
            given().header("If-None-Match", "\"7\"").get(path).then().statusCode(200).header("ETag", "\"1\"");
        }
    }

    @Test
    void aMalformedIdOrPagingValueIsA400NamingIt() {
        given().get("/api/v1/contacts/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
            .body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("must be a UUID"));
        given().get("/api/v1/business-units/123").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/api/v1/contacts/not-a-uuid/stakeholder-roles").then().statusCode(400)
            .body("errors[0].field", equalTo("contactId"));
        String contactId = Fixtures.createContact(Fixtures.contactBody(Fixtures.createUnit(null)));
        given().queryParam("page", "x").queryParam("size", "1000").get("/api/v1/contacts/" + contactId + "/stakeholder-roles")
            .then().statusCode(400).body("errors.field", hasItem("page")).body("errors.field", hasItem("size"));
    }

    @Test
    void theDocumentMarksIfMatchRequiredAndDeclares304() {
        String doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonPath json = new JsonPath(doc);
        for (String path : new String[] {"/api/v1/business-units/{id}", "/api/v1/contacts/{id}",
            "/api/v1/contacts/{contactId}/stakeholder-roles/{roleId}"}) {
            String ops = "paths.'" + path + "'";
            assertThat(path, json.getList(ops + ".put.parameters.findAll { it.name == 'If-Match' }.required"),
                hasItem(true));
            assertThat(path, json.getMap(ops + ".get.responses.'304'"), notNullValue());
            assertThat(path, json.getList(ops + ".get.parameters.name"), hasItem("If-None-Match"));
        }
        assertThat(json.getMap("paths.'/api/v1/contacts'.post.responses.'201'.headers.ETag"),
            notNullValue());
        assertThat(json.getString(
            "paths.'/api/v1/contacts/{contactId}/stakeholder-roles'.get.responses.'200'.content.'application/json'.schema.'$ref'"),
            equalTo("#/components/schemas/StakeholderRolePage"));
        assertThat(json.getList("components.schemas.BusinessUnit.properties.parentId.examples"),
            not(hasItem("null")));
        assertThat(json.get("components.schemas.Contact.required"), hasItems("fullName", "owner"));
        assertThat(json.get("paths.'/api/v1/contacts/{id}'.get.responses.'400'"), notNullValue());
    }
}
