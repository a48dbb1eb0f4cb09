package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.rapport.e2e.Gateway.Answer;
import io.rapport.testsupport.TopicProbe;

/**
 * PostgreSQL (the suite's own server, which every service uses) is stopped for 20 s while contacts and
 * engagements are written and contact events are on their way to the consumers. While it is down a write
 * fails fast with 503 problem+json (never 500, never a hang past the gateway's timeout); after it, writes
 * succeed again, every contact reaches engagement-service's read model and analytics, every engagement
 * analytics, and nothing is dead-lettered.
 */
@ExtendWith(RapportSuite.class)
class PostgresOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(20);
    /** The gateway's upstream timeout for contacts and engagement: an answer after it would mean a hang. */
    static final long TIMEOUT_MS = 10_000;

    enum Phase { BEFORE, DURING, AFTER }

    record Call(Phase phase, String what, Answer answer, long endedAt) {
    }

    @Test
    void writesFailWith503WhileItIsDownAndNothingIsLostOrDeadLettered() throws Exception {
        var own = RapportSuite.get().ownPostgres();
        Assumptions.assumeTrue(own.isPresent(), "RAPPORT_PG_* names a PostgreSQL the suite does not own");
        RestartablePostgres postgres = own.get();
        Scenario s = Scenario.create("pg-outage", 5);
        String bootstrap = RapportSuite.get().bootstrap();

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        Set<String> contactsCreated = ConcurrentHashMap.newKeySet();
        Map<String, Integer> engagementsCreated = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        Phase[] phase = {Phase.BEFORE};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (TopicProbe contactsDlq = TopicProbe.atEnd(bootstrap, "rapport.contacts.v1.dlq");
             TopicProbe engagementsDlq = TopicProbe.atEnd(bootstrap, "rapport.engagements.v1.dlq")) {
            for (int t = 0; t < 3; t++) {
                int writer = t;
                pool.submit(() -> {
                    while (!stop.get()) {
                        int n = sequence.incrementAndGet();
                        Phase p = phase[0];
                        if (writer == 0) {
                            Answer a = s.gateway.post("/api/v1/contacts", Gateway.editor("pg-outage-c"), Gateway.map(
                                "fullName", "Outage contact " + n, "email", "pg." + n + "." + UUID.randomUUID() + "@example.com",
                                "businessUnitId", s.unitId, "seniority", "STAFF"), "pg-outage-contact-" + n);
                            calls.add(new Call(p, "contact", a, System.nanoTime()));
                            if (a.status() == 201) {
                                contactsCreated.add(a.text("id"));
                            }
                        } else {
                            Answer a = s.write(n, "pg-outage-e" + writer);
                            calls.add(new Call(p, "engagement", a, System.nanoTime()));
                            if (a.status() == 201) {
                                engagementsCreated.put(a.text("id"), n);
                            }
                        }
                        ServiceProcess.sleep(100);
                    }
                    return null;
                });
            }
            ServiceProcess.sleep(3000);
            phase[0] = Phase.DURING;
            long stopping = System.nanoTime();
            postgres.stop();
            long stopped = System.nanoTime();
            ServiceProcess.sleep(OUTAGE.toMillis());
            postgres.start();
            long restarted = System.nanoTime();
            phase[0] = Phase.AFTER;
            // writes go on until ten in a row of each kind succeed again
            long resumed = awaitResumed(calls, restarted);
            ServiceProcess.sleep(3000);
            stop.set(true);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

            // every contact reaches both consumers, every engagement analytics, nothing dead-lettered
            List<String> contacts = new ArrayList<>(contactsCreated);
            s.awaitKnownDownstream(contacts);
            int answerLost = s.verifyHeld(engagementsCreated, "pg-outage-replay");
            int engagementsHeld = engagementsCreated.size() + answerLost;
            int engagementsInAnalytics = s.awaitAnalyticsCount(engagementsHeld, Duration.ofMinutes(3), Duration.ofSeconds(5));
            Set<String> keys = ConcurrentHashMap.newKeySet();
            keys.addAll(contacts);
            keys.addAll(engagementsCreated.keySet());
            List<ConsumerRecord<String, String>> dead = new ArrayList<>(contactsDlq.drain(Duration.ofSeconds(3),
                r -> keys.contains(r.key())));
            dead.addAll(engagementsDlq.drain(Duration.ofSeconds(1), r -> keys.contains(r.key())));

            Map<String, Integer> during = new TreeMap<>();
            long maxDuringMs = 0;
            List<String> bad = new ArrayList<>();
            for (Call c : calls) {
                Answer a = c.answer();
                if (c.phase() == Phase.DURING) {
                    during.merge(c.what() + " " + a.status(), 1, Integer::sum);
                    maxDuringMs = Math.max(maxDuringMs, a.millis());
                }
                if (a.status() != 201 && !(a.status() == 503 && a.isProblem())) {
                    bad.add(c.phase() + " " + c.what() + ": " + a);
                }
                if (a.millis() >= TIMEOUT_MS) {
                    bad.add(c.phase() + " " + c.what() + " took " + a.millis() + " ms: " + a);
                }
            }
            System.out.printf("[fault] PostgreSQL stopped %.1f s (stop took %.1f s): %d calls; while down %s, slowest %d ms;"
                    + " writes succeeded again %.1f s after the restart; %d contacts and %d engagements created (201) in all,"
                    + " %d more committed whose answer was lost; %d contacts in engagement-service and analytics, %d "
                    + "engagements in analytics; dead letters %d; other answers %d%n", (restarted - stopped) / 1e9,
                (stopped - stopping) / 1e9, calls.size(), during, maxDuringMs, (resumed - restarted) / 1e9, contacts.size(),
                engagementsCreated.size(), answerLost, contacts.size(), engagementsInAnalytics, dead.size(), bad.size());
            assertEquals(List.of(), bad, "every answer was 201, or 503 problem+json while the database was down, in time");
            assertTrue(during.keySet().stream().anyMatch(k -> k.endsWith(" 503")), "writes failed while it was down: " + during);
            assertEquals(engagementsHeld, engagementsInAnalytics, "every engagement reached analytics once");
            assertEquals(List.of(), dead.stream().map(r -> r.topic() + " " + r.key()).toList(), "nothing dead-lettered");
        } finally {
            stop.set(true);
            pool.shutdownNow();
            postgres.start();
        }
    }

    /**
     * Waits until the last ten writes of each kind succeeded; returns when both kinds first succeeded after the
     * restart.
     */
    private static long awaitResumed(List<Call> calls, long restarted) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            List<Call> after;
            synchronized (calls) {
                after = new ArrayList<>(calls.stream().filter(c -> c.phase() == Phase.AFTER).toList());
            }
            if (lastOk(after, "contact") && lastOk(after, "engagement")) {
                long contact = firstOk(after, "contact");
                long engagement = firstOk(after, "engagement");
                return Math.max(restarted, Math.max(contact, engagement));
            }
            ServiceProcess.sleep(200);
        }
        throw new AssertionError("writes did not succeed again within 2 minutes of the restart");
    }

    private static long firstOk(List<Call> after, String what) {
        return after.stream().filter(c -> c.what().equals(what) && c.answer().status() == 201).mapToLong(Call::endedAt)
            .min().orElseThrow();
    }

    private static boolean lastOk(List<Call> after, String what) {
        List<Call> mine = after.stream().filter(c -> c.what().equals(what)).toList();
        return mine.size() >= 10 && mine.subList(mine.size() - 10, mine.size()).stream().allMatch(c -> c.answer().status() == 201);
    }
}
