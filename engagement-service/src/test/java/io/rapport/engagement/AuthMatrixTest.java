package io.rapport.engagement;

import static io.rapport.testsupport.AuthMatrix.Route.edit;
import static io.rapport.testsupport.AuthMatrix.Route.read;

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
    void anotherIssuerNoRapportGroupAndAnonymousManagementEndpoints() {
        AuthMatrix.checkSharedRules("/api/v1/engagements");
    }
}
