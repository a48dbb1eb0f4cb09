package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class GatewayWiringTest {

    @Inject
    Vertx vertx;

    FakeUpstreams upstreams;

    @Test
    void healthOpenApiAndMetricsAnswer() {
        ManagementInterface.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
            .body("info.title", equalTo("Rapport gateway"));
        ManagementInterface.management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void proxiedRequestsAreMeasuredPerRouteShapeNotPerId() {
        String token = "Bearer " + upstreams.token("metrics-1", "rapport-viewer");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        for (String id : new String[] {first, second}) {
            given().header("Authorization", token).get("/api/v1/contacts/" + id).then().statusCode(200);
        }
        given().header("Authorization", token).get("/api/v1/contacts/" + first + "/stakeholder-roles").then().statusCode(200);
        String metrics = ManagementInterface.management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(first) || metrics.contains(second), "an id in a metric's tags (one series per id): "
            + metrics.lines().filter(l -> l.contains(first) || l.contains(second)).findFirst().orElse(""));
        Matcher byId = Pattern.compile("http_server_requests_seconds_count\\{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
            + "uri=\"/api/v1/contacts/\\{id}\"} (\\d+)").matcher(metrics);
        assertTrue(byId.find(), "no series for /api/v1/contacts/{id}");
        assertTrue(Double.parseDouble(byId.group(1)) >= 2, "both requests in the one series: " + byId.group(0));
        assertTrue(metrics.contains("uri=\"/api/v1/contacts/{id}/stakeholder-roles\""));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
    }

    /** On Linux x86-64 (the image's platform) the event loops run on epoll, not NIO (pom.xml, application.properties). */
    @Test
    void eventLoopsRunOnEpollOnLinuxX8664() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
            && (arch.equals("amd64") || arch.equals("x86_64")), "netty-transport-native-epoll is bundled for linux-x86_64 only");
        assertTrue(vertx.isNativeTransportEnabled(), "Vert.x fell back to NIO: " + vertx.unavailableNativeTransportCause());
    }
}
