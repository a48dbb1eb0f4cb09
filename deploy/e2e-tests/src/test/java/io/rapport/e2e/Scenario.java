package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.e2e.Gateway.Answer;

/**
 * A fault test's own data, made through the gateway: a fresh business unit and its contacts, known to
 * engagement-service (a forum naming them all is accepted) and to analytics-service (each has a
 * relationship). Engagements are ONE_TO_ONE, PMO_GAVE, one hour, started yesterday, so the value report of
 * the unit counts them exactly.
 */
final class Scenario {

    static final Duration CONVERGE = Duration.ofSeconds(120);

    final Gateway gateway = Gateway.ofSuite();
    final String name;
    final String unitId;
    final List<String> contacts = new ArrayList<>();
    private final Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private Scenario(String name, String unitId) {
        this.name = name;
        this.unitId = unitId;
    }

    /** A unit with {@code contacts} contacts, both known downstream. */
    static Scenario create(String name, int contacts) {
        Gateway g = Gateway.ofSuite();
        String code = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Answer unit = g.post("/api/v1/business-units", Gateway.admin(name), Gateway.map("code", code, "name", name + " " + code),
            null);
        assertEquals(201, unit.status(), unit.toString());
        Scenario s = new Scenario(name, unit.text("id"));
        for (int i = 0; i < contacts; i++) {
            s.contacts.add(s.createContact(i));
        }
        s.awaitKnownDownstream(s.contacts);
        return s;
    }

    String createContact(int i) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + i + "." + UUID.randomUUID().toString().substring(0, 8)
            + "@example.com";
        Answer created = gateway.post("/api/v1/contacts", Gateway.editor(name), Gateway.map("fullName", name + " contact " + i,
            "email", email, "businessUnitId", unitId, "seniority", "MANAGER",
            "owner", Map.of("name", "Sam Lee", "email", "sam.lee@example.com")), null);
        if (created.status() != 201) {
            throw new AssertionError("contact " + i + " of " + name + ": " + created);
        }
        return created.text("id");
    }

    /** engagement-service accepts a forum of them all; analytics-service has a relationship for each. */
    void awaitKnownDownstream(List<String> ids) {
        Gateway.eventually("engagement-service knows " + ids.size() + " contacts of " + name, CONVERGE,
            () -> gateway.post("/api/v1/forums", Gateway.editor(name), Gateway.map("name", name + " forum " + UUID.randomUUID(),
                "cadence", "MONTHLY", "memberIds", ids), null), a -> a.status() == 201);
        for (String id : ids) {
            Gateway.eventually("analytics knows contact " + id, CONVERGE,
                () -> gateway.get("/api/v1/relationships/" + id, Gateway.viewer(name)), a -> a.status() == 200);
        }
    }

    /** The body of the i-th write: a one-hour ONE_TO_ONE with one of the contacts, titled with its number. */
    Map<String, Object> engagement(int i) {
        return Gateway.map("type", "ONE_TO_ONE", "title", name + " write " + i, "startAt", start.plusSeconds(i % 3600).toString(),
            "direction", "PMO_GAVE", "effortHours", 1, "sentiment", 4,
            "participants", List.of(Map.of("contactId", contacts.get(i % contacts.size()), "role", "ATTENDEE")));
    }

    Answer write(int i, String caller) {
        return gateway.post("/api/v1/engagements", Gateway.editor(caller), engagement(i), name + "-" + i);
    }

    /** Engagements of the unit in analytics' value report (every type; the period covers the last 400 days). */
    int analyticsCount() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Answer report = gateway.get("/api/v1/reports/value?businessUnitId=" + unitId + "&from=" + today.minusDays(400) + "&to="
            + today.plusDays(2), Gateway.viewer(name));
        if (report.status() != 200) {
            return -1;
        }
        JsonNode items = report.json().path("items");
        int count = 0;
        for (JsonNode item : items) {
            for (JsonNode n : item.path("engagementsByType")) {
                count += n.asInt();
            }
        }
        return count;
    }

    /** The engagements engagement-service holds for the unit: id → title. */
    Map<String, String> heldByEngagementService() {
        Map<String, String> held = new java.util.HashMap<>();
        for (int page = 0; ; page++) {
            Answer list = gateway.get("/api/v1/engagements?businessUnitId=" + unitId + "&size=200&page=" + page,
                Gateway.viewer(name));
            assertEquals(200, list.status(), list.toString());
            Iterator<JsonNode> items = list.json().path("items").elements();
            if (!items.hasNext()) {
                return held;
            }
            items.forEachRemaining(e -> held.put(e.path("id").asText(), e.path("title").asText()));
        }
    }

    /**
     * Checks engagement-service holds every created engagement, and that each other engagement it holds for the
     * unit is a write whose answer was lost although it was committed: replaying its Idempotency-Key and body
     * returns the original 201 ({@code Idempotent-Replayed}) with the same id. Returns how many there were.
     *
     * @param created id → write number of every write that was answered 201
     */
    int verifyHeld(Map<String, Integer> created, String caller) {
        Map<String, String> held = heldByEngagementService();
        if (!held.keySet().containsAll(created.keySet())) {
            throw new AssertionError("engagement-service lost created engagements");
        }
        int answerLost = 0;
        for (Map.Entry<String, String> e : held.entrySet()) {
            if (created.containsKey(e.getKey())) {
                continue;
            }
            String title = e.getValue();
            int i = Integer.parseInt(title.substring(title.lastIndexOf(' ') + 1));
            if (created.containsValue(i)) {
                throw new AssertionError("write " + i + " is held twice");
            }
            Answer replay = write(i, caller);
            if (!(replay.status() == 201 && replay.replayed() && e.getKey().equals(replay.text("id")))) {
                throw new AssertionError("failed write " + i + " is held (" + e.getKey() + ") but was not committed by it: "
                    + replay);
            }
            answerLost++;
        }
        return answerLost;
    }

    /** Waits until analytics counts {@code expected}, then keeps watching for {@code hold}: returns the last count. */
    int awaitAnalyticsCount(int expected, Duration timeout, Duration hold) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = analyticsCount();
        while (count < expected && System.nanoTime() < deadline) {
            ServiceProcess.sleep(500);
            count = analyticsCount();
        }
        long holdUntil = System.nanoTime() + hold.toNanos();
        while (System.nanoTime() < holdUntil) {
            ServiceProcess.sleep(500);
            count = Math.max(count, analyticsCount());
        }
        return count;
    }
}
