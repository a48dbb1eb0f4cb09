package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.rapport.e2e.Gateway.Answer;

/**
 * The broker fails while the suite works (the suite's own broker; skipped when KAFKA_BOOTSTRAP_SERVERS names
 * another one): writes never fail and nothing is lost or doubled, and every service stays ready and serves its
 * API, the broker's absence shown only in the health group {@code broker} and the gauge {@code rapport_broker_up}.
 */
@ExtendWith(RapportSuite.class)
class BrokerFaultsIT {

    static final String[] WITH_KAFKA = {"contacts-service", "engagement-service", "analytics-service"};

    @Test
    void brokerKilledDuring1000EngagementWritesLosesAndDoublesNothing() {
        RestartableBroker broker = ownBroker();
        Scenario s = Scenario.create("broker-kill", 10);
        int total = 1000;
        Writers writers = Writers.start(total, 4, i -> s.write(i, "broker-kill-" + (i % 10)));
        writers.awaitCompleted(200);
        int killedAt = writers.completed();
        broker.kill();
        long killed = System.nanoTime();
        List<Answer> answers;
        long restarted;
        try {
            answers = writers.finish();
        } finally {
            broker.start();
            restarted = System.nanoTime();
        }
        Map<Integer, Integer> statuses = Writers.byStatus(answers);
        int count = s.awaitAnalyticsCount(total, Duration.ofMinutes(3), Duration.ofSeconds(10));
        long converged = System.nanoTime();
        System.out.printf("[fault] broker SIGKILL during %d engagement writes: killed after %d writes, down %.1f s; "
                + "statuses %s; latency %s; analytics reflects %d (lost %d, doubled %d) %.1f s after the restart%n",
            total, killedAt, (restarted - killed) / 1e9, statuses, Writers.latencies(answers), count,
            Math.max(0, total - count), Math.max(0, count - total), (converged - restarted) / 1e9);
        assertEquals(Map.of(201, total), statuses, "every write answered 201 although the broker was down");
        assertEquals(total, count, "analytics reflects exactly the 1,000 writes: none lost, none doubled");
    }

    @Test
    void everyServiceStaysReadyAndServesThroughA60SecondBrokerOutage() {
        RestartableBroker broker = ownBroker();
        Scenario s = Scenario.create("broker-outage", 3);
        Gateway g = s.gateway;
        for (String module : WITH_KAFKA) {
            Gateway.eventually(module + " sees the broker", Duration.ofSeconds(60),
                () -> g.management(management(module) + "/q/health/group/broker"), a -> a.status() == 200);
        }
        List<String> failures = new ArrayList<>();
        Map<String, Double> brokerDownAfter = new LinkedHashMap<>();
        Map<String, String> gaugeDuringOutage = new LinkedHashMap<>();
        int samples = 0;
        int writes = 0;
        broker.stop();
        long stopped = System.nanoTime();
        try {
            while (System.nanoTime() - stopped < Duration.ofSeconds(60).toNanos()) {
                samples++;
                for (String module : List.of("contacts-service", "engagement-service", "analytics-service", "gateway")) {
                    Answer ready = g.management(management(module) + "/q/health/ready");
                    if (ready.status() != 200) {
                        failures.add(module + " not ready: " + ready);
                    }
                }
                for (String module : WITH_KAFKA) {
                    if (!brokerDownAfter.containsKey(module)
                        && g.management(management(module) + "/q/health/group/broker").status() == 503) {
                        brokerDownAfter.put(module, (System.nanoTime() - stopped) / 1e9);
                        gaugeDuringOutage.put(module, gauge(g, module));
                    }
                }
                expect(failures, 200, g.get("/api/v1/contacts?size=5", Gateway.viewer("broker-outage")), "contacts list");
                expect(failures, 200, g.get("/api/v1/engagements?size=5", Gateway.viewer("broker-outage")), "engagements list");
                expect(failures, 200, g.get("/api/v1/relationships/" + s.contacts.get(0), Gateway.viewer("broker-outage")),
                    "a relationship");
                expect(failures, 200, g.get("/api/v1/coverage", Gateway.viewer("broker-outage")), "coverage");
                expect(failures, 201, s.write(samples, "broker-outage"), "an engagement write");
                expect(failures, 201, g.post("/api/v1/contacts", Gateway.editor("broker-outage"), Gateway.map("fullName",
                    "Outage contact " + samples, "email", "outage." + UUID.randomUUID() + "@example.com",
                    "businessUnitId", s.unitId, "seniority", "STAFF"), null), "a contact write");
                writes += 2;
                ServiceProcess.sleep(1000);
            }
        } finally {
            broker.start();
        }
        long restarted = System.nanoTime();
        for (String module : WITH_KAFKA) {
            Gateway.eventually(module + " sees the broker again", Duration.ofSeconds(90),
                () -> g.management(management(module) + "/q/health/group/broker"), a -> a.status() == 200);
        }
        System.out.printf("[fault] 60 s broker outage: %d samples of 4 readiness checks, 4 reads and %d writes in all; "
                + "failures %d; broker group DOWN after %s s; rapport_broker_up then %s; group UP again %.1f s after the "
                + "restart%n", samples, writes, failures.size(), brokerDownAfter, gaugeDuringOutage,
            (System.nanoTime() - restarted) / 1e9);
        assertEquals(List.of(), failures, "every service stayed ready and served its API");
        for (String module : WITH_KAFKA) {
            assertTrue(brokerDownAfter.containsKey(module), module + "'s broker group showed the outage");
            assertEquals("0.0", gaugeDuringOutage.get(module), module + "'s rapport_broker_up during the outage");
            assertEquals("1.0", gauge(g, module), module + "'s rapport_broker_up after it");
        }
    }

    static RestartableBroker ownBroker() {
        var broker = RapportSuite.get().broker();
        Assumptions.assumeTrue(broker.isPresent(), "KAFKA_BOOTSTRAP_SERVERS names a broker the suite does not own");
        return broker.get();
    }

    static String management(String module) {
        return RapportSuite.get().service(module).managementUrl();
    }

    private static void expect(List<String> failures, int status, Answer answer, String what) {
        if (answer.status() != status) {
            failures.add(what + ": " + answer);
        }
    }

    /** rapport_broker_up of a service's Prometheus scrape. */
    static String gauge(Gateway g, String module) {
        for (String line : g.management(management(module) + "/q/metrics").body().split("\n")) {
            if (line.startsWith("rapport_broker_up")) {
                return line.substring(line.lastIndexOf(' ') + 1).trim();
            }
        }
        return "absent";
    }
}
