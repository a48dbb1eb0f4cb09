package io.rapport.engagement;

import static io.rapport.testsupport.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.BrokerControl;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * Readiness means "can serve HTTP": with the broker stopped, {@code /q/health/ready} stays UP and the API
 * answers, while the health group {@code broker} and the gauge {@code rapport_broker_up} say the broker is
 * gone, and both say it is back after the restart. (The Kafka connector's readiness check used to turn
 * readiness DOWN within about 5 s.)
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class BrokerOutageHealthTest {

    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void readinessStaysUpWithoutTheBrokerAndTheBrokerGroupAndMetricShowIt() {
        Assumptions.assumeTrue(BrokerControl.available(), "the test infrastructure does not own the broker");
        await("the broker group is UP", () -> brokerGroupStatus().equals("UP"), Duration.ofSeconds(30));
        assertEquals("1.0", brokerGauge());

        BrokerControl.stop();
        List<String> notReady = new ArrayList<>();
        boolean sawBrokerDown = false;
        boolean sawGaugeZero = false;
        try {
            long end = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < end) {
                int ready = management().get("/q/health/ready").statusCode();
                if (ready != 200) {
                    notReady.add(ready + " " + management().get("/q/health/ready").asString());
                }
                given().get("/api/v1/engagements").then().statusCode(200);
                sawBrokerDown |= brokerGroupStatus().equals("DOWN");
                sawGaugeZero |= brokerGauge().equals("0.0");
                ContactFixture.sleep(500);
            }
        } finally {
            BrokerControl.start();
        }
        assertEquals(List.of(), notReady, "readiness stayed UP for the whole outage");
        assertEquals(true, sawBrokerDown, "the broker group said DOWN during the outage");
        assertEquals(true, sawGaugeZero, "rapport_broker_up was 0 during the outage");

        await("the broker group is UP again", () -> brokerGroupStatus().equals("UP"), Duration.ofSeconds(60));
        assertEquals("1.0", brokerGauge());
        management().get("/q/health/group/broker").then().body(containsString("kafka-broker"));
    }

    private static String brokerGroupStatus() {
        return management().get("/q/health/group/broker").path("status");
    }

    /** The value of rapport_broker_up in the Prometheus scrape. */
    private static String brokerGauge() {
        for (String line : management().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith("rapport_broker_up")) {
                return line.substring(line.lastIndexOf(' ') + 1).trim();
            }
        }
        return "absent";
    }

    private static void await(String what, Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            ContactFixture.sleep(250);
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }
}
