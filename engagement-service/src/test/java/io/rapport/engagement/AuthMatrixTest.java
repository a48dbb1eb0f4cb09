package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static io.rapport.testsupport.AuthMatrix.Route.edit;
import static io.rapport.testsupport.AuthMatrix.Route.read;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.AuthMatrix;
import io.rapport.testsupport.AuthMatrix.Caller;
import io.rapport.testsupport.AuthMatrix.Route;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TestTokens;

/**
 * Every route of engagement-service × every kind of caller (the gateway's rules, checked again here):
 * reads for any Rapport role, every change to engagements and forums for editors and admins.
 * Random ids: a 404 means the request passed security.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class AuthMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final String JSON = "application/json";

    static final List<Route> ROUTES = List.of(
        read("/api/v1/engagements"),
        read("/api/v1/engagements/" + ID),
        edit("POST", "/api/v1/engagements", JSON),
        edit("PUT", "/api/v1/engagements/" + ID, JSON),
        edit("DELETE", "/api/v1/engagements/" + ID, null),
        edit("POST", "/api/v1/engagements/" + ID + "/transitions", JSON),
        read("/api/v1/forums"),
        read("/api/v1/forums/" + ID),
        edit("POST", "/api/v1/forums", JSON),
        edit("PUT", "/api/v1/forums/" + ID, JSON),
        edit("POST", "/api/v1/forums/" + ID + "/occurrences", JSON),
        read("/api/v1/forums/" + ID + "/attendance"));

    static Stream<Arguments> matrix() {
        return AuthMatrix.cases(ROUTES);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void routeAndCaller(Route route, Caller caller) {
        AuthMatrix.check(route, caller);
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        given().header("Authorization", TestTokens.bearer(TestTokens.otherIssuer())).get("/api/v1/engagements")
            .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void tokenWithoutRapportGroupIsForbidden() {
        given().header("Authorization", TestTokens.bearer(TestTokens.token("nobody", "some-other-group")))
            .get("/api/v1/forums").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiStayAnonymousEvenWithABadToken() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            TestTokens.anonymous().get(path).then().statusCode(200);
            given().header("Authorization", "Bearer garbage").get(path).then().statusCode(200);
        }
    }
}
