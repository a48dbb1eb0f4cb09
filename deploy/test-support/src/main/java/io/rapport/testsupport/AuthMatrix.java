package io.rapport.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The auth matrix of a service: every route × {no token, malformed, bad signature, expired, viewer,
 * editor, admin} → 401, 403, or "passed auth" (any other status: a 404 for a random id, a 400 for the
 * deliberately empty body, a 428 for a missing If-Match all show the request got past security).
 * 401 and 403 must be problem+json; a 401 carries {@code WWW-Authenticate: Bearer}.
 */
public final class AuthMatrix {

    public enum Caller { NONE, MALFORMED, BAD_SIGNATURE, EXPIRED, VIEWER, EDITOR, ADMIN }

    /** The weakest role a route needs. */
    public enum Needs { VIEWER, EDITOR, ADMIN }

    /** A route: method, concrete path, the body's content type (null: no body), the weakest role. */
    public record Route(String method, String path, String contentType, Needs needs) {
        public static Route read(String path) {
            return new Route("GET", path, null, Needs.VIEWER);
        }

        public static Route edit(String method, String path, String contentType) {
            return new Route(method, path, contentType, Needs.EDITOR);
        }

        public static Route admin(String method, String path, String contentType) {
            return new Route(method, path, contentType, Needs.ADMIN);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AuthMatrix() {
    }

    /** Every route with every caller, for a {@code @MethodSource}. */
    public static Stream<Arguments> cases(List<Route> routes) {
        List<Arguments> cases = new ArrayList<>();
        for (Route r : routes) {
            for (Caller c : Caller.values()) {
                cases.add(Arguments.of(r, c));
            }
        }
        return cases.stream();
    }

    /** The status a caller must get on a route: 401, 403, or 0 for "passed auth". */
    public static int expected(Route route, Caller caller) {
        return switch (caller) {
            case NONE, MALFORMED, BAD_SIGNATURE, EXPIRED -> 401;
            case VIEWER -> route.needs() == Needs.VIEWER ? 0 : 403;
            case EDITOR -> route.needs() != Needs.ADMIN ? 0 : 403;
            case ADMIN -> 0;
        };
    }

    public static RequestSpecification as(Caller caller) {
        return switch (caller) {
            case NONE -> TestTokens.anonymous();
            case MALFORMED -> given().header("Authorization", TestTokens.bearer(TestTokens.malformed()));
            case BAD_SIGNATURE -> given().header("Authorization", TestTokens.bearer(TestTokens.badSignature()));
            case EXPIRED -> given().header("Authorization", TestTokens.bearer(TestTokens.expired()));
            case VIEWER -> given().header("Authorization", TestTokens.bearer(TestTokens.viewer()));
            case EDITOR -> given().header("Authorization", TestTokens.bearer(TestTokens.editor()));
            case ADMIN -> given().header("Authorization", TestTokens.bearer(TestTokens.admin()));
        };
    }

    /** Sends the route as the caller and checks the outcome. */
    public static void check(Route route, Caller caller) {
        RequestSpecification request = as(caller).redirects().follow(false);
        if (route.contentType() != null) {
            // an empty object (JSON) or a bare header line (CSV): never a valid change, so nothing is changed
            request.contentType(route.contentType())
                .body(route.contentType().contains("json") ? "{}" : "x\n");
        }
        Response response = request.request(route.method(), route.path());
        int expected = expected(route, caller);
        if (expected == 0) {
            int status = response.statusCode();
            assertFalse(status == 401 || status == 403,
                route + " as " + caller + " must pass auth, got " + status + ": " + response.asString());
            return;
        }
        response.then().statusCode(expected)
            .contentType("application/problem+json")
            .body("status", equalTo(expected))
            .body("type", startsWith("https://"))
            .body("instance", equalTo(route.path()));
        if (expected == 401) {
            response.then().header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    /**
     * The rules beside the matrix that every service shares, checked on one of its read paths: a
     * token of another issuer is 401 with {@code WWW-Authenticate: Bearer}; a valid token without a
     * Rapport group is 403; health, metrics and OpenAPI answer without a token and with a bad one.
     */
    public static void checkSharedRules(String readPath) {
        given().header("Authorization", TestTokens.bearer(TestTokens.otherIssuer())).get(readPath)
            .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", TestTokens.bearer(TestTokens.token("nobody", "some-other-group")))
            .get(readPath).then().statusCode(403).contentType("application/problem+json");
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics")) {
            Management.management().get(path).then().statusCode(200);
            given().port(Management.port()).header("Authorization", "Bearer garbage").get(path).then().statusCode(200);
        }
        TestTokens.anonymous().get("/q/openapi").then().statusCode(200);
        given().header("Authorization", "Bearer garbage").get("/q/openapi").then().statusCode(200);
    }
}
