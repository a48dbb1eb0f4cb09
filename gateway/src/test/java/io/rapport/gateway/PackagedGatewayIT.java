package io.rapport.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged gateway ({@code java -jar target/quarkus-app/quarkus-run.jar}, so through {@link GatewayMain}, with
 * nothing set on its command line but ports and upstreams): a malformed URI is a 400 problem, where Quarkus' own
 * check before the router answered a bare 400 without a body.
 */
@QuarkusIntegrationTest
@WithTestResource(FakeUpstreams.class)
@TestProfile(PackagedGatewayIT.RandomManagementPort.class)
class PackagedGatewayIT {

    /** The management interface's production port (9000) may be taken on a shared machine. */
    public static class RandomManagementPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.port", "0");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aMalformedUriIs400ProblemDetails() throws Exception {
        for (String target : new String[] {"/api/v1/contacts/%ZZ", "/api/v1/engagements?page=%ZZ"}) {
            String answer = RawRequest.send(base, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), target + ": " + answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("\r\ncontent-type: application/problem+json"),
                target + ": " + answer);
            assertTrue(answer.contains("\"status\":400"), target + ": " + answer);
        }
        // a well-formed request reaches the gateway's own handling (401: no token)
        String noToken = RawRequest.send(base, "GET /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\n"
            + "Connection: close\r\n\r\n");
        assertTrue(noToken.startsWith("HTTP/1.1 401 "), noToken);
    }
}
