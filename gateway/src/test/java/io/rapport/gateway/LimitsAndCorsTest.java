package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class LimitsAndCorsTest {

    private static final int MIB = 1024 * 1024;

    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URL base;

    private String editor(String subject) {
        return "Bearer " + upstreams.token(subject, "rapport-editor");
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    // ---------------------------------------------------------------- rate limit

    @Test
    void aPrincipalOverItsBucketGets429WithRetryAfterAndOthersAreNotAffected() {
        String token = editor("rate-1");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < FakeUpstreams.RATE_CAPACITY + 10; i++) {
            Response r = given().header("Authorization", token).get("/api/v1/network");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429 && refused == null) {
                refused = r;
            }
        }
        // the bucket starts full: the first RATE_CAPACITY requests pass
        assertTrue(statuses.subList(0, FakeUpstreams.RATE_CAPACITY).stream().allMatch(s -> s == 200), statuses.toString());
        assertTrue(refused != null, "no 429 after the bucket emptied: " + statuses);
        refused.then().contentType("application/problem+json").body("status", equalTo(429));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // another principal has its own bucket
        given().header("Authorization", editor("rate-2")).get("/api/v1/network").then().statusCode(200);
    }

    // ---------------------------------------------------------------- body limits

    @Test
    void jsonBodyOfExactly1MiBPassesAndOneByteMoreIs413() {
        given().header("Authorization", editor("body-1")).contentType("application/json").body(bytes(MIB))
            .post("/api/v1/contacts").then().statusCode(201).body("bodyBytes", equalTo(MIB));
        given().header("Authorization", editor("body-2")).contentType("application/json").body(bytes(MIB + 1))
            .post("/api/v1/contacts").then().statusCode(413)
            .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        // HTTP/1.1 with Transfer-Encoding: chunked (no Content-Length to refuse up front)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/engagements"))
            .header("Authorization", editor("body-3"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(MIB + 64 * 1024))))
            .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        // and a chunked body under the limit streams through whole
        HttpRequest small = HttpRequest.newBuilder(URI.create(base + "api/v1/engagements"))
            .header("Authorization", editor("body-4"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(300_000))))
            .build();
        // (the default client may upgrade to h2c: a body without a length either way)
        HttpResponse<String> ok = HttpClient.newHttpClient().send(small, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"bodyBytes\":300000"), ok.body());
    }

    @Test
    void csvImportTakesUpTo20MiB() {
        given().header("Authorization", editor("import-1")).contentType("text/csv").body(bytes(5 * MIB))
            .post("/api/v1/contacts/import").then().statusCode(201).body("bodyBytes", equalTo(5 * MIB));
        given().header("Authorization", editor("import-2")).contentType("text/csv").body(bytes(20 * MIB + 1))
            .post("/api/v1/contacts/import").then().statusCode(413).contentType("application/problem+json");
        // the 20 MiB allowance is the import's only
        given().header("Authorization", editor("import-3")).contentType("text/csv").body(bytes(2 * MIB))
            .post("/api/v1/contacts").then().statusCode(413);
    }

    // ---------------------------------------------------------------- CORS

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", FakeUpstreams.ALLOWED_ORIGIN)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
            .options("/api/v1/contacts/abc")
            .then().statusCode(204)
            .header("Access-Control-Allow-Origin", FakeUpstreams.ALLOWED_ORIGIN)
            .header("Access-Control-Allow-Methods", containsString("PUT"))
            .header("Access-Control-Allow-Headers", containsString("If-Match"))
            .header("Vary", containsString("Origin"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        Response r = given().header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "GET")
            .options("/api/v1/contacts");
        r.then().statusCode(403).contentType("application/problem+json");
        assertNull(r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void preflightAskingForAnUnlistedHeaderIsRefused() {
        given().header("Origin", FakeUpstreams.ALLOWED_ORIGIN)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-not-allowed")
            .options("/api/v1/contacts").then().statusCode(403);
    }

    @Test
    void actualRequestsGetCorsHeadersOnlyForAllowedOrigins() {
        given().header("Origin", FakeUpstreams.ALLOWED_ORIGIN).header("Authorization", editor("cors-1"))
            .get("/api/v1/contacts").then().statusCode(200)
            .header("Access-Control-Allow-Origin", FakeUpstreams.ALLOWED_ORIGIN)
            .header("Access-Control-Expose-Headers", containsString("ETag"))
            .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"));
        Response other = given().header("Origin", "https://evil.example").header("Authorization", editor("cors-2"))
            .get("/api/v1/contacts");
        assertNull(other.header("Access-Control-Allow-Origin"));
        assertTrue(!"*".equals(other.header("Access-Control-Allow-Origin")));
    }
}
