package io.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class UpstreamDownTest {

    FakeUpstreams upstreams;

    @Test
    void aStoppedUpstreamGives503ProblemWhileTheOthersKeepWorkingAndItRecovers() throws Exception {
        String token = "Bearer " + upstreams.token("down-1", "rapport-viewer");
        given().get("/openapi").then().statusCode(200).body(containsString("/api/v1/engagements"));
        upstreams.stopUpstream("engagement");
        try {
            // refused connections: 503 problem+json, then the circuit opens and answers 503 without trying
            for (int i = 0; i < FakeUpstreams.BREAKER_THRESHOLD + 2; i++) {
                Response r = given().header("Authorization", "Bearer " + upstreams.token("down-" + i, "rapport-viewer"))
                    .get(i % 2 == 0 ? "/api/v1/engagements" : "/api/v1/forums");
                r.then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("title", equalTo("Service Unavailable"))
                    .body("detail", containsString("engagement"));
            }
            Response open = given().header("Authorization", token).get("/api/v1/engagements");
            open.then().statusCode(503).body("detail", containsString("circuit open"));
            assertTrue(Integer.parseInt(open.header("Retry-After")) >= 1);

            // the other services and the gateway itself are fine
            given().header("Authorization", token).get("/api/v1/contacts").then().statusCode(200)
                .body("service", equalTo("contacts"));
            given().header("Authorization", token).get("/api/v1/coverage").then().statusCode(200)
                .body("service", equalTo("analytics"));
            ManagementInterface.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            // the merged document still has the engagement paths (last good copy)
            given().get("/openapi").then().statusCode(200).body(containsString("/api/v1/engagements"));
        } finally {
            upstreams.startUpstream("engagement");
        }
        // after the open period one trial goes through and closes the circuit again
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = given().header("Authorization", token).get("/api/v1/engagements").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "engagement routes did not recover after the upstream came back");
    }
}
