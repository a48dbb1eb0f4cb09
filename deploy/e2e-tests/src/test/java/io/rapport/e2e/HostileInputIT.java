package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.e2e.HostileRequests.Case;

/**
 * Hostile input generated from the merged OpenAPI document (issue 20): at least {@value #REQUESTS} requests
 * over every operation, from one seed, through the gateway. Never a 5xx; every 4xx is problem details whose
 * {@code status} is the response's; no body shows a stack trace, SQL or a Java class name; every service is still
 * ready afterwards.
 *
 * <p>The seed is printed; {@code -Drapport.hostile.seed=N} replays a run, adding {@code -Drapport.hostile.case=I}
 * sends only its case I (as the failure report numbers them).
 */
@ExtendWith(RapportSuite.class)
class HostileInputIT {

    static final int REQUESTS = 1200;

    /** What must never reach a client: stack frames, exception and class names, SQL and driver messages. */
    private static final Pattern INTERNAL = Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\w+Exception\\b|\\w+Error\\b"
        + "|\\b(java|javax|jakarta|org\\.hibernate|org\\.postgresql|io\\.quarkus|io\\.vertx|io\\.smallrye|com\\.fasterxml"
        + "|io\\.rapport|io\\.netty)\\.[a-z]|\\bSQL|PSQL|ERROR: |syntax error at|violates [a-z ]*constraint|relation \"|Caused by");

    @Test
    void hostileRequestsNeverBreakTheSuite() {
        long seedValue = Long.getLong("rapport.hostile.seed", System.currentTimeMillis());
        Integer only = Integer.getInteger("rapport.hostile.case");
        System.out.println("hostile: seed " + seedValue + " (replay: -Drapport.hostile.seed=" + seedValue
            + ", one case: -Drapport.hostile.case=N)");
        String base = RapportSuite.get().gatewayUrl();
        ApiDocument doc = new ApiDocument(ApiCall.of("GET", "/openapi").send(base).body());
        Callers callers = new Callers("hostile");
        SeedData seed = new SeedData(base, callers, seedValue).create();
        List<Case> cases = new HostileRequests(doc, seed, new Random(seedValue)).generate(REQUESTS);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            if (only != null && i != only) {
                continue;
            }
            Case c = cases.get(i);
            ApiCall.Result r = c.call().withToken(callers.token(c.role())).send(base);
            sent++;
            statuses.merge(r.status(), 1, Integer::sum);
            String problem = problem(r);
            if (problem != null) {
                failures.add("case " + i + " (" + c.call().what() + ", " + c.role() + ") " + c.call().method() + " "
                    + abbreviate(c.call().uri(), 200) + " -> " + r.status() + ": " + problem + "; body "
                    + abbreviate(r.body(), 300));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("hostile: %d requests over %d operations in %d ms, statuses %s, %d failures%n", sent,
            doc.operations().size(), millis, statuses, failures.size());
        RapportSuite.get().managementUrls().forEach((name, url) -> {
            ApiCall.Result ready = ApiCall.of("GET", "/q/health/ready").send(url);
            assertEquals(200, ready.status(), name + " is not ready after the hostile run: " + ready.body());
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " hostile requests were answered wrongly (seed " + seedValue + "):\n"
                + String.join("\n", failures));
        }
        if (only == null) {
            assertTrue(sent >= 1000, "only " + sent + " requests");
        }
    }

    /** What is wrong with this answer to a hostile request, or null. */
    static String problem(ApiCall.Result r) {
        if (r.status() >= 500) {
            return "a server error";
        }
        if (INTERNAL.matcher(r.body()).find()) {
            return "internal detail in the body";
        }
        if (r.status() < 400) {
            return null;
        }
        if (!"application/problem+json".equals(r.contentType())) {
            return "not application/problem+json but " + r.contentType();
        }
        JsonNode body;
        try {
            body = ApiDocument.JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            return "a problem body that is not JSON";
        }
        if (body == null || body.path("status").asInt() != r.status() || !body.path("title").isTextual()) {
            return "problem details without a matching status or a title";
        }
        return null;
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > max ? oneLine.substring(0, max) + "…" : oneLine;
    }
}
