package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class GatewayWiringTest {

    @Test
    void healthOpenApiAndMetricsAnswer() {
        ManagementInterface.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
            .body("info.title", equalTo("Rapport gateway"));
        ManagementInterface.management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
    }
}
