package io.rapport.analytics;

import static io.rapport.testsupport.AuthMatrix.Route.admin;
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
 * Every route of analytics-service × every kind of caller (the gateway's rules, checked again here):
 * reads for any Rapport role, the rebuild for admins. A random contact id: 404 means the request
 * passed security. The admin's own POST of a rebuild is left out here (it would start a real
 * rebuild under the other tests' feet); RebuildTest makes that call as admin.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class AuthMatrixTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final Route REBUILD = admin("POST", "/api/v1/admin/rebuild", null);

    static final List<Route> ROUTES = List.of(
        read("/api/v1/relationships"),
        read("/api/v1/relationships/" + ID),
        read("/api/v1/coverage"),
        read("/api/v1/insights/going-cold"),
        read("/api/v1/insights/expiring-stakeholders"),
        read("/api/v1/reports/value"),
        read("/api/v1/network"),
        read("/api/v1/insights/overdue"),
        read("/api/v1/expertise"),
        read("/api/v1/insights/expertise-gaps"),
        read("/api/v1/insights/stakeholder-map"),
        read("/api/v1/insights/influence-gaps"),
        read("/api/v1/admin/rebuild"),
        REBUILD);

    static Stream<Arguments> matrix() {
        return AuthMatrix.cases(ROUTES)
            .filter(args -> !(args.get()[0].equals(REBUILD) && args.get()[1] == Caller.ADMIN));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void routeAndCaller(Route route, Caller caller) {
        AuthMatrix.check(route, caller);
    }

    @Test
    void anotherIssuerNoRapportGroupAndAnonymousManagementEndpoints() {
        AuthMatrix.checkSharedRules("/api/v1/coverage");
    }
}
