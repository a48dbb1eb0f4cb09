package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.analytics.FoldIntegrationTest.Generated;
import io.rapport.analytics.model.Direction;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.EngagementStatus;
import io.rapport.analytics.model.EngagementType;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TestTokens;

/**
 * Two replicas of the packaged service (same database, same consumer group, the partitions split between them) on a
 * real broker (issue 15: "correct on N replicas"):
 * <ul>
 *   <li>an engagement folded by whichever replica holds its partition is visible, identically, from both: the other
 *       one answers the same relationship within a second of the first;</li>
 *   <li>a rebuild started on one is RUNNING, then DONE, as seen from the other; a second rebuild asked of either while
 *       it runs is refused with 409.</li>
 * </ul>
 */
class TwoReplicasIT {

    static final Path WORK = Path.of("target", "two-replicas");
    private final List<Runnable> cleanups = new ArrayList<>();
    private final PackagedServices services = new PackagedServices(WORK, line -> System.out.println("[two-replicas] " + line));

    @AfterEach
    void stopEverything() throws Exception {
        services.close();
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).run();
        }
    }

    @Test
    void bothReplicasAnswerTheSameAndShareOneRebuild() throws Exception {
        Path jar = services.jar();
        RapportInfrastructureResource infra = new RapportInfrastructureResource();
        infra.init(Map.of("database", "analytics_replicas"));
        Map<String, String> config = infra.start();
        cleanups.add(infra::stop);
        String bootstrap = config.get("kafka.bootstrap.servers");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String contactsTopic = "rapport.contacts.v1.replicas-" + run;
        String engagementsTopic = "rapport.engagements.v1.replicas-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(contactsTopic, 3, (short) 1), new NewTopic(engagementsTopic, 6, (short) 1)))
                .all().get(60, TimeUnit.SECONDS);
        }
        Map<String, String> channels = PackagedServices.channelOverrides(jar, contactsTopic, engagementsTopic);
        Map<String, String> env = PackagedServices.serviceEnv(config, config.get("quarkus.datasource.jdbc.url"));
        Process a = services.start("replica-A", env, channels, "replicas-" + run);
        services.awaitReady(a, "replica-A");
        Process b = services.start("replica-B", env, channels, "replicas-" + run);
        services.awaitReady(b, "replica-B");
        int portA = services.port(a);
        int portB = services.port(b);

        // a history large enough that a rebuild runs for a while: 40 contacts, 30,000 engagement events
        Random random = new Random(20261202L);
        List<UUID> contacts = new ArrayList<>();
        Map<UUID, UUID> unitOf = new HashMap<>();
        UUID unit = UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            UUID c = UUID.randomUUID();
            contacts.add(c);
            unitOf.put(c, unit);
        }
        List<Generated> history = new ArrayList<>();
        while (history.size() < 30_000) {
            history.addAll(FoldIntegrationTest.history(random, contacts, unitOf));
        }
        try (TestEvents out = new TestEvents(bootstrap)) {
            out.sendAll(contactsTopic, contacts.stream()
                .map(c -> new String[] {c.toString(), TestEvents.contactCreated(c, unit, "sam.lee@example.com")}).toList());
            out.sendAll(engagementsTopic, history.stream().map(g -> new String[] {g.engagementId().toString(), g.json()}).toList());
        }
        await("the history folded", Duration.ofMinutes(5), () -> services.get(portA, "/api/v1/relationships?size=1")
            .get("total").asInt() == contacts.size() && folded(config, history));

        // one engagement at a time, for contacts spread over both replicas' partitions: visible from both
        long maxLag = 0;
        try (TestEvents out = new TestEvents(bootstrap)) {
            for (int i = 0; i < 12; i++) {
                UUID contact = contacts.get(i);
                // the depth (hours credited) moves by the new engagement's 2 hours, whatever the score (near 100 here)
                double before = services.get(portA, "/api/v1/relationships/" + contact).get("factors").get("depthHours").doubleValue();
                EngagementSnapshot s = new EngagementSnapshot(UUID.randomUUID(), EngagementType.EXPERTISE_EXCHANGE,
                    EngagementStatus.COMPLETED, Instant.now().minusSeconds(3600), null, Direction.MUTUAL, 2.0, 5, List.of(contact));
                out.send(engagementsTopic, s.id().toString(), TestEvents.envelope(UUID.randomUUID().toString(),
                    "/rapport/engagement-service", "rapport.engagement.logged.v1", "engagements/" + s.id(),
                    TestEvents.snapshot(s, 1, unitOf)));
                int first = -1;
                Instant deadline = Instant.now().plusSeconds(60);
                while (first < 0) {
                    assertTrue(Instant.now().isBefore(deadline), "engagement for " + contact + " never shown");
                    for (int port : new int[] {portA, portB}) {
                        if (services.get(port, "/api/v1/relationships/" + contact).get("factors").get("depthHours").doubleValue()
                            > before + 1) {
                            first = port;
                            break;
                        }
                    }
                }
                Instant seen = Instant.now();
                int other = first == portA ? portB : portA;
                JsonNode shownFirst = services.get(first, "/api/v1/relationships/" + contact);
                JsonNode shownOther = services.get(other, "/api/v1/relationships/" + contact);
                long lag = Duration.between(seen, Instant.now()).toMillis();
                maxLag = Math.max(maxLag, lag);
                assertTrue(lag <= 1000, "the other replica answered after " + lag + " ms");
                assertEquals(shownFirst.get("factors"), shownOther.get("factors"), "factors of " + contact + " from both");
                assertEquals(shownFirst.get("score").doubleValue(), shownOther.get("score").doubleValue(), 1e-6,
                    "score of " + contact + " from both");
                assertEquals(shownFirst.get("lastEngagements"), shownOther.get("lastEngagements"));
            }
        }
        System.out.printf(Locale.ROOT, "[two-replicas] 12 engagements: each seen identically from both replicas, the second"
            + " read at most %d ms after the first%n", maxLag);

        // the rebuild: started on A, seen RUNNING then DONE from B; a second request on either is 409 meanwhile
        assertEquals(202, services.send(portA, "POST", "/api/v1/admin/rebuild", TestTokens.admin()).statusCode());
        boolean sawRunning = false;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            assertTrue(Instant.now().isBefore(deadline), "the rebuild did not finish in 5 minutes");
            String status = services.get(portB, "/api/v1/admin/rebuild").get("status").asText();
            if ("RUNNING".equals(status) && !sawRunning) {
                sawRunning = true;
                for (int port : new int[] {portB, portA}) {
                    HttpResponse<String> second = services.send(port, "POST", "/api/v1/admin/rebuild", TestTokens.admin());
                    assertEquals(409, second.statusCode(), "a second rebuild while one runs: " + second.body());
                    assertTrue(second.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
                }
            } else if ("DONE".equals(status)) {
                break;
            } else {
                assertTrue("RUNNING".equals(status) || ("IDLE".equals(status) && !sawRunning), "status from B: " + status);
            }
            Thread.sleep(100);
        }
        assertTrue(sawRunning, "B saw the rebuild RUNNING");
        assertEquals("DONE", services.get(portA, "/api/v1/admin/rebuild").get("status").asText());
        assertEquals(100.0, services.get(portB, "/api/v1/admin/rebuild").get("percent").doubleValue());
    }

    /** Every engagement of the history is stored at its latest version. */
    private static boolean folded(Map<String, String> config, List<Generated> history) throws Exception {
        Map<UUID, Long> latest = new HashMap<>();
        history.forEach(g -> latest.merge(g.engagementId(), g.version(), Math::max));
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             java.sql.Statement st = db.createStatement(); java.sql.ResultSet rs = st.executeQuery("select id, version from engagement")) {
            int done = 0;
            while (rs.next()) {
                Long v = latest.get(rs.getObject(1, UUID.class));
                if (v != null && rs.getLong(2) >= v) {
                    done++;
                }
            }
            return done == latest.size();
        } catch (java.sql.SQLException notYet) {
            return false;
        }
    }

    private static void await(String what, Duration timeout, Check condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
