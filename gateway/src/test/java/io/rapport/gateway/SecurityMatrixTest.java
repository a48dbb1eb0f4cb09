package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every route x {no token, malformed, bad signature, expired, viewer, editor, admin}. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class SecurityMatrixTest {

    private static final String ID = "7f1c2a3e-0000-4000-8000-000000000001";
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    FakeUpstreams upstreams;

    enum Caller { NONE, MALFORMED, BAD_SIGNATURE, EXPIRED, VIEWER, EDITOR, ADMIN }

    record Route(String method, String path, String upstream, Role needs) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
        new Route("GET", "/api/v1/business-units", "contacts", Role.VIEWER),
        new Route("GET", "/api/v1/business-units/" + ID, "contacts", Role.VIEWER),
        new Route("POST", "/api/v1/business-units", "contacts", Role.ADMIN),
        new Route("PUT", "/api/v1/business-units/" + ID, "contacts", Role.ADMIN),
        new Route("DELETE", "/api/v1/business-units/" + ID, "contacts", Role.ADMIN),
        new Route("GET", "/api/v1/contacts", "contacts", Role.VIEWER),
        new Route("GET", "/api/v1/contacts/" + ID, "contacts", Role.VIEWER),
        new Route("POST", "/api/v1/contacts", "contacts", Role.EDITOR),
        new Route("PUT", "/api/v1/contacts/" + ID, "contacts", Role.EDITOR),
        new Route("DELETE", "/api/v1/contacts/" + ID, "contacts", Role.EDITOR),
        new Route("POST", "/api/v1/contacts/" + ID + "/erasure", "contacts", Role.ADMIN),
        new Route("POST", "/api/v1/contacts/import", "contacts", Role.EDITOR),
        new Route("GET", "/api/v1/contacts/" + ID + "/stakeholder-roles", "contacts", Role.VIEWER),
        new Route("POST", "/api/v1/contacts/" + ID + "/stakeholder-roles", "contacts", Role.EDITOR),
        new Route("PUT", "/api/v1/contacts/" + ID + "/stakeholder-roles/" + ID, "contacts", Role.EDITOR),
        new Route("DELETE", "/api/v1/contacts/" + ID + "/stakeholder-roles/" + ID, "contacts", Role.EDITOR),
        new Route("GET", "/api/v1/engagements", "engagement", Role.VIEWER),
        new Route("GET", "/api/v1/engagements/" + ID, "engagement", Role.VIEWER),
        new Route("POST", "/api/v1/engagements", "engagement", Role.EDITOR),
        new Route("PUT", "/api/v1/engagements/" + ID, "engagement", Role.EDITOR),
        new Route("DELETE", "/api/v1/engagements/" + ID, "engagement", Role.EDITOR),
        new Route("POST", "/api/v1/engagements/" + ID + "/transitions", "engagement", Role.EDITOR),
        new Route("GET", "/api/v1/forums", "engagement", Role.VIEWER),
        new Route("POST", "/api/v1/forums", "engagement", Role.EDITOR),
        new Route("PUT", "/api/v1/forums/" + ID, "engagement", Role.EDITOR),
        new Route("POST", "/api/v1/forums/" + ID + "/occurrences", "engagement", Role.EDITOR),
        new Route("GET", "/api/v1/forums/" + ID + "/attendance", "engagement", Role.VIEWER),
        new Route("GET", "/api/v1/relationships", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/relationships/" + ID, "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/coverage", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/insights/going-cold", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/insights/expiring-stakeholders", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/reports/value", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/network", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/expertise", "analytics", Role.VIEWER),
        new Route("GET", "/api/v1/admin/rebuild", "analytics", Role.VIEWER),
        new Route("POST", "/api/v1/admin/rebuild", "analytics", Role.ADMIN));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Route r : ROUTES) {
            for (Caller c : Caller.values()) {
                cases.add(Arguments.of(r, c));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void routeAndRole(Route route, Caller caller) {
        String subject = "matrix-" + SUBJECTS.incrementAndGet();
        RequestSpecification request = given().redirects().follow(false);
        switch (caller) {
            case NONE -> { }
            case MALFORMED -> request.header("Authorization", "Bearer not-a.jwt");
            case BAD_SIGNATURE -> request.header("Authorization",
                "Bearer " + upstreams.tokenSignedByAnotherKey(subject, "rapport-admin"));
            case EXPIRED -> request.header("Authorization", "Bearer " + upstreams.expiredToken(subject, "rapport-admin"));
            case VIEWER -> request.header("Authorization", "Bearer " + upstreams.token(subject, "rapport-viewer"));
            case EDITOR -> request.header("Authorization", "Bearer " + upstreams.token(subject, "rapport-editor"));
            case ADMIN -> request.header("Authorization", "Bearer " + upstreams.token(subject, "rapport-admin"));
        }
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            request.contentType("application/json").body("{\"name\":\"x\"}");
        }
        Response response = request.request(route.method(), route.path());

        int expected = switch (caller) {
            case NONE, MALFORMED, BAD_SIGNATURE, EXPIRED -> 401;
            case VIEWER -> route.needs() == Role.VIEWER ? 2 : 403;
            case EDITOR -> route.needs() != Role.ADMIN ? 2 : 403;
            case ADMIN -> 2;
        };
        if (expected == 2) {
            response.then().statusCode(route.method().equals("POST") ? 201 : 200)
                .body("service", equalTo(route.upstream()))
                .body("method", equalTo(route.method()))
                .body("path", equalTo(route.path()));
        } else {
            response.then().statusCode(expected)
                .contentType("application/problem+json")
                .body("status", equalTo(expected))
                .body("type", startsWith("https://"))
                .body("instance", equalTo(route.path()));
            assertEquals(null, response.header("X-Upstream"), "must not reach the upstream");
            if (expected == 401) {
                response.then().header("WWW-Authenticate", startsWith("Bearer"));
            }
        }
    }

    @Test
    void otherIssuerIsRejected() {
        given().header("Authorization", "Bearer " + upstreams.tokenFromAnotherIssuer("iss-1", "rapport-admin"))
            .get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenSaysSo() {
        given().header("Authorization", "Bearer " + upstreams.expiredToken("exp-1", "rapport-admin"))
            .get("/api/v1/contacts").then().statusCode(401).body("detail", equalTo("the token has expired"));
    }

    @Test
    void basicAuthAndEmptyBearerAreRejected() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/contacts").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void tokenWithoutRapportGroupIsForbidden() {
        given().header("Authorization", "Bearer " + upstreams.token("nogroup-1", "some-other-group"))
            .get("/api/v1/contacts").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unroutedPathsAreNotFound() {
        String token = "Bearer " + upstreams.token("notfound-1", "rapport-admin");
        given().header("Authorization", token).get("/api/v1/contacts-evil").then().statusCode(404)
            .contentType("application/problem+json");
        given().header("Authorization", token).get("/api/v1/coverage/extra").then().statusCode(404);
        given().header("Authorization", token).get("/api/v2/contacts").then().statusCode(404);
    }

    @Test
    void healthAndOpenApiAreAnonymousEvenWithABadToken() {
        ManagementInterface.management().header("Authorization", "Bearer garbage").get("/q/health/ready").then().statusCode(200);
        ManagementInterface.management().get("/q/health/live").then().statusCode(200);
        given().get("/openapi").then().statusCode(200);
        given().header("Authorization", "Bearer garbage").get("/openapi").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
