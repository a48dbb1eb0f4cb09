package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own refusals are problem details, like its other errors (issue 16: a bare 414 before). */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class RefusalsTest {

    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOverlongUriIs414ProblemDetails() throws Exception {
        String token = "Bearer " + upstreams.token("refusals-1", "rapport-viewer");
        // 4,500 characters: over the gateway's 4,000, under the HTTP decoder's own limit
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/v1/contacts?q=" + "a".repeat(4500))).header("Authorization", token).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(414, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"status\":414"), r.body());
        // just under the limit passes
        given().header("Authorization", token).queryParam("q", "a".repeat(3900)).get("/api/v1/contacts")
            .then().statusCode(200);
    }

    @Test
    void overlargeHeadersAre431ProblemDetails() {
        given().header("X-Padding", "b".repeat(30_000)).get("/api/v1/contacts").then().statusCode(431)
            .contentType("application/problem+json").body("status", equalTo(431))
            .body("type", equalTo("https://rapport.example/problems/header-fields-too-large"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemDetails() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json")
            .body("status", equalTo(404));
        given().post("/openapi").then().statusCode(405).contentType("application/problem+json")
            .header("Allow", "GET").body("status", equalTo(405));
        given().get("/openapi").then().statusCode(200);
    }
}
