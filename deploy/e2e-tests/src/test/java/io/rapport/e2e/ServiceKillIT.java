package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.e2e.Gateway.Answer;

/**
 * A service SIGKILLed while it works, then started again: nothing a client was told is lost, nothing is
 * doubled, and analytics' scores are those of a clean fold.
 */
@ExtendWith(RapportSuite.class)
class ServiceKillIT {

    static final Duration READY = Duration.ofSeconds(180);

    /**
     * engagement-service is killed in a burst of writes and restarted while the writers go on. Every write that
     * got 201 reaches analytics exactly once (its outbox row outlives the crash). A write that failed appears
     * only if engagement-service had committed it before the kill (the answer was lost, not the write): its
     * Idempotency-Key then replays the original 201; any other failed write appears nowhere.
     */
    @Test
    void engagementServiceKilledInABurstOfWrites() {
        Scenario s = Scenario.create("engagement-kill", 10);
        ServiceProcess engagement = RapportSuite.get().service("engagement-service");
        int total = 600;
        Writers writers = Writers.start(total, 6, i -> s.write(i, "engagement-kill-" + (i % 6)));
        writers.awaitCompleted(150);
        int killedAt = writers.completed();
        engagement.kill();
        long killed = System.nanoTime();
        engagement.restart();
        engagement.awaitReady(READY);
        long ready = System.nanoTime();
        List<Answer> answers = writers.finish();
        // the gateway's circuit breaker opened while the service was down: wait until it routes again
        Gateway.eventually("the gateway routes to engagement-service again", Duration.ofSeconds(60),
            () -> s.gateway.get("/api/v1/engagements?size=1", Gateway.viewer("engagement-kill")), a -> a.status() == 200);

        Map<String, Integer> created = new HashMap<>();
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (answers.get(i).status() == 201) {
                created.put(answers.get(i).text("id"), i);
            } else {
                failed.add(i);
            }
        }
        int answerLost = s.verifyHeld(created, "engagement-kill-replay");
        int expected = created.size() + answerLost;
        int count = s.awaitAnalyticsCount(expected, Duration.ofMinutes(3), Duration.ofSeconds(10));
        System.out.printf("[fault] engagement-service SIGKILL in a burst of %d writes (6 writers): killed after %d, ready "
                + "again %.1f s later; statuses %s; 201s %d, failed %d (of which committed before the kill, answer lost: %d);"
                + " held by engagement-service %d; analytics counts %d (lost %d, doubled %d)%n",
            total, killedAt, (ready - killed) / 1e9, Writers.byStatus(answers), created.size(), failed.size(), answerLost,
            expected, count, Math.max(0, expected - count), Math.max(0, count - expected));
        assertEquals(expected, count, "every created engagement reaches analytics exactly once");
        assertTrue(created.size() >= 150, "the writes before the kill succeeded");
    }

    /**
     * analytics-service is killed while it folds a stream of engagements and restarted; its scores then equal,
     * at the same instant ({@code ?at=}), those of a second analytics-service that folds the same topics from
     * the beginning into an empty database (another consumer group).
     */
    @Test
    void analyticsKilledMidStreamScoresEqualACleanFold() {
        Scenario s = Scenario.create("analytics-kill", 20);
        ServiceProcess analytics = RapportSuite.get().service("analytics-service");
        int total = 400;
        Writers writers = Writers.start(total, 4, i -> s.gateway.post("/api/v1/engagements",
            Gateway.editor("analytics-kill-" + (i % 4)), varied(s, i), "analytics-kill-" + i));
        int before = 0;
        // mid-stream: analytics has folded a good part of what was written so far, and more is coming
        while (before < total / 8 && writers.completed() < total) {
            ServiceProcess.sleep(100);
            before = s.analyticsCount();
        }
        int writtenAtKill = writers.completed();
        analytics.kill();
        List<Answer> answers = writers.finish();
        analytics.restart();
        analytics.awaitReady(READY);
        assertEquals(Map.of(201, total), Writers.byStatus(answers));
        int count = s.awaitAnalyticsCount(total, Duration.ofMinutes(3), Duration.ofSeconds(5));
        assertEquals(total, count, "the restarted analytics folded every engagement once");

        String group = "e2e-clean-fold-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceProcess clean = RapportSuite.get().startExtra("analytics-service", "analytics-clean",
            Map.of("MP_MESSAGING_INCOMING_CONTACTS_GROUP_ID", group, "MP_MESSAGING_INCOMING_ENGAGEMENTS_GROUP_ID", group));
        clean.awaitReady(READY);
        Gateway direct = new Gateway(clean.url());
        String at = Instant.now().toString();
        int compared = 0;
        double maxDifference = 0;
        for (String contact : s.contacts) {
            String path = "/api/v1/relationships/" + contact + "?at=" + at;
            JsonNode killed = s.gateway.get(path, Gateway.viewer("analytics-kill")).json();
            Answer fresh = Gateway.eventually("the clean fold caught up with " + contact, Duration.ofMinutes(3),
                () -> direct.get(path, Gateway.viewer("analytics-kill")),
                a -> a.status() == 200 && a.json().path("factors").equals(killed.path("factors")));
            maxDifference = Math.max(maxDifference, Math.abs(killed.path("score").asDouble() - fresh.json().path("score").asDouble()));
            assertEquals(killed, fresh.json(), "relationship of " + contact + " at " + at);
            compared++;
        }
        System.out.printf("[fault] analytics-service SIGKILL mid-stream: killed with %d of %d engagements folded (%d "
                + "written); after the restart it counts %d; %d relationships compared with a clean fold at %s: identical "
                + "(max score difference %s)%n", before, total, writtenAtKill, count, compared, at, maxDifference);
        assertTrue(before < total, "killed before it had folded everything");
    }

    /** Engagements of several types, efforts, directions and sentiments, so the scores differ. */
    private static Map<String, Object> varied(Scenario s, int i) {
        Map<String, Object> body = s.engagement(i);
        String[] types = {"ONE_TO_ONE", "NETWORKING", "EXPERTISE_EXCHANGE", "SME_HOURS"};
        String[] directions = {"PMO_GAVE", "PMO_RECEIVED", "MUTUAL"};
        body.put("type", types[i % types.length]);
        body.put("direction", directions[i % directions.length]);
        body.put("effortHours", 0.5 + (i % 7));
        body.put("sentiment", 1 + (i % 5));
        body.put("startAt", Instant.now().minus(Duration.ofHours(3 * i + 1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString());
        return body;
    }
}
