package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static io.rapport.testsupport.AuthMatrix.Route.admin;
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
 * Every route of contacts-service × every kind of caller (the gateway's rules, checked again here):
 * reads for any Rapport role, changes to contacts and stakeholder roles for editors, business units
 * and erasure for admins. Random ids: a 404 means the request passed security.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class AuthMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final String JSON = "application/json";

    static final List<Route> ROUTES = List.of(
        read("/api/v1/business-units"),
        read("/api/v1/business-units/" + ID),
        admin("POST", "/api/v1/business-units", JSON),
        admin("PUT", "/api/v1/business-units/" + ID, JSON),
        admin("DELETE", "/api/v1/business-units/" + ID, null),
        read("/api/v1/contacts"),
        read("/api/v1/contacts/" + ID),
        edit("POST", "/api/v1/contacts", JSON),
        edit("PUT", "/api/v1/contacts/" + ID, JSON),
        edit("DELETE", "/api/v1/contacts/" + ID, null),
        admin("POST", "/api/v1/contacts/" + ID + "/erasure", null),
        edit("POST", "/api/v1/contacts/import", "text/csv"),
        read("/api/v1/contacts/" + ID + "/stakeholder-roles"),
        read("/api/v1/contacts/" + ID + "/stakeholder-roles/" + ID),
        edit("POST", "/api/v1/contacts/" + ID + "/stakeholder-roles", JSON),
        edit("PUT", "/api/v1/contacts/" + ID + "/stakeholder-roles/" + ID, JSON),
        edit("DELETE", "/api/v1/contacts/" + ID + "/stakeholder-roles/" + ID, null));

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
        AuthMatrix.checkSharedRules("/api/v1/contacts");
    }

    @Test
    void basicAuthAndEmptyBearerAreUnauthorized() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/contacts").then().statusCode(401)
            .contentType("application/problem+json");
        given().header("Authorization", "Bearer ").get("/api/v1/contacts").then().statusCode(401)
            .contentType("application/problem+json");
    }
}
