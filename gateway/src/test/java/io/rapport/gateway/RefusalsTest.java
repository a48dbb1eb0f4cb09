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

    /**
     * A URI {@code java.net.URI} cannot parse: Quarkus refused it with a bare 400 before the router ran; the gateway
     * now makes that check itself (GatewayMain turns Quarkus' off; surefire sets the same property here).
     */
    @Test
    void aMalformedUriIs400ProblemDetails() throws Exception {
        for (String target : new String[] {"/api/v1/contacts/%ZZ", "/api/v1/contacts?q=%ZZ", "/api/v1/contacts/%",
            "/openapi%zz", "/nothing-here/%G1"}) {
            String answer = RawRequest.send(base, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Request-Id: malformed-1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
            String lower = answer.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains("\r\ncontent-type: application/problem+json"), target + ": " + answer);
            assertTrue(lower.contains("\r\nx-request-id: malformed-1"), target + ": " + answer);
            assertTrue(answer.contains("\"status\":400"), target + ": " + answer);
            assertTrue(answer.contains("\"type\":\"https://rapport.example/problems/bad-request\""), answer);
        }
        // a well-formed escape still goes through to the upstream, unchanged
        String ok = RawRequest.send(base, "GET /api/v1/contacts/a%20b HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + upstreams.token("refusals-2", "rapport-viewer") + "\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200 "), ok);
        assertTrue(ok.contains("/api/v1/contacts/a%20b"), ok);
    }
}
