package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

/**
 * Issue 16 in engagement-service: a non-numeric or overflowing paging value and a malformed id are a 400 naming
 * the parameter (they were a 404 and a 500), If-None-Match gives 304, a weak If-Match never matches, a replayed
 * 201 carries its ETag.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class HttpSemanticsTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts;
    UUID ann;

    @BeforeEach
    void contacts() {
        contacts = new ContactFixture(bootstrap, mapper, contactRefs);
        ann = contacts.activeContact(UUID.randomUUID());
    }

    @AfterEach
    void close() {
        contacts.close();
    }

    @Test
    void badPagingValuesAreA400NamingTheParameter() {
        for (String path : new String[] {"/api/v1/engagements", "/api/v1/forums"}) {
            given().queryParam("page", "abc").get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
            given().queryParam("size", "x").get(path).then().statusCode(400).body("errors[0].field", equalTo("size"));
            given().queryParam("page", "99999999999").get(path).then().statusCode(400).body("errors[0].field", equalTo("page"));
            given().queryParam("page", 21474837).queryParam("size", 100).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"))
                .body("errors[0].message", equalTo("must be at most 21474836 with size 100"));
            given().queryParam("page", 21474836).queryParam("size", 100).get(path).then().statusCode(200);
        }
    }

    @Test
    void aMalformedIdIsA400NamingIt() {
        given().get("/api/v1/engagements/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
            .body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("must be a UUID"));
        given().get("/api/v1/forums/42/attendance").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().contentType(ContentType.JSON).body("{\"to\":\"AGREED\"}").post("/api/v1/engagements/x/transitions")
            .then().statusCode(400).body("errors.field", hasItem("id"));
    }

    @Test
    void conditionalRequestsAndReplayedEtags() {
        String body = "{\"name\":\"Etag forum\",\"cadence\":\"MONTHLY\",\"memberIds\":[\"" + ann + "\"]}";
        String key = "forum-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/forums")
            .then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/forums")
            .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"").body("id", equalTo(id));

        given().header("If-None-Match", "\"1\"").get("/api/v1/forums/" + id).then().statusCode(304)
            .header("ETag", "\"1\"").body(emptyString());
        given().header("If-None-Match", "\"0\"").get("/api/v1/forums/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(body).put("/api/v1/forums/" + id)
            .then().statusCode(412);
    }
}
