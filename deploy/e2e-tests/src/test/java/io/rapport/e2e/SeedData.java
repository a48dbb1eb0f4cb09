package io.rapport.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.e2e.Callers.Role;

/**
 * Data for the contract and hostile-input runs, made through the gateway like a client would, with a
 * dedicated resource for every operation that changes or removes one (a DELETE, an erasure, a transition), so
 * each call meets the state it expects. Names carry the run's seed, so runs never collide.
 */
final class SeedData {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    final String base;
    final Callers callers;
    final String tag;

    String unit;
    String emptyUnit;
    String contact;
    String otherContact;
    String contactToLeave;
    String contactToErase;
    /** A contact nothing was ever logged with: its relationship is COLD, with every forecast field null. */
    String coldContact;
    String role;
    String roleToEnd;
    String engagement;
    String engagementToCancel;
    String secondment;
    String forum;

    SeedData(String base, Callers callers, long seed) {
        this.base = base;
        this.callers = callers;
        this.tag = String.format("%016X", new Random(seed).nextLong() ^ System.nanoTime()).substring(0, 8);
    }

    SeedData create() {
        unit = id(post(Role.ADMIN, "/api/v1/business-units", Map.of("code", "C" + tag, "name", "Contract unit " + tag)));
        emptyUnit = id(post(Role.ADMIN, "/api/v1/business-units", Map.of("code", "E" + tag, "name", "Empty unit " + tag)));
        contact = id(post(Role.EDITOR, "/api/v1/contacts", contactBody("Priya Contract")));
        otherContact = id(post(Role.EDITOR, "/api/v1/contacts", contactBody("Omar Contract")));
        contactToLeave = id(post(Role.EDITOR, "/api/v1/contacts", contactBody("Lee Leaving")));
        contactToErase = id(post(Role.EDITOR, "/api/v1/contacts", contactBody("Erin Erased")));
        coldContact = id(post(Role.EDITOR, "/api/v1/contacts", contactBody("Colin Cold")));
        role = id(post(Role.EDITOR, "/api/v1/contacts/" + contact + "/stakeholder-roles", roleBody("ERP")));
        roleToEnd = id(post(Role.EDITOR, "/api/v1/contacts/" + contact + "/stakeholder-roles", roleBody("HR")));
        // engagement-service learns the contacts from rapport.contacts.v1: until then it answers 422
        engagement = id(eventually("engagement-service knows the contacts",
            () -> call(Role.EDITOR, ApiCall.of("POST", "/api/v1/engagements").withJson(json(engagementBody("ONE_TO_ONE")))),
            r -> r.status() == 201));
        engagementToCancel = id(post(Role.EDITOR, "/api/v1/engagements", engagementBody("NETWORKING")));
        secondment = id(post(Role.EDITOR, "/api/v1/engagements", engagementBody("SECONDMENT")));
        forum = id(post(Role.EDITOR, "/api/v1/forums", Map.of("name", "Contract forum " + tag, "cadence", "MONTHLY",
            "memberIds", List.of(contact, otherContact))));
        post(Role.EDITOR, "/api/v1/forums/" + forum + "/occurrences", occurrenceBody());
        eventually("analytics scored the contact", () -> call(Role.VIEWER, ApiCall.of("GET", "/api/v1/relationships/" + contact)),
            r -> r.status() == 200 && !r.body().contains("\"lastEngagementAt\":null"));
        eventually("analytics knows the cold contact", () -> call(Role.VIEWER, ApiCall.of("GET", "/api/v1/relationships/" + coldContact)),
            r -> r.status() == 200);
        return this;
    }

    Map<String, Object> contactBody(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + tag.toLowerCase() + "." + System.nanoTime() + "@example.com";
        return Map.of("fullName", name, "email", email, "businessUnitId", unit, "seniority", "MANAGER",
            "expertise", List.of("contracts"), "owner", Map.of("name", "Sam Lee", "email", "sam.lee@example.com"));
    }

    Map<String, Object> roleBody(String project) {
        return Map.of("projectCode", project + "-" + tag, "projectName", project + " programme", "role", "SPONSOR",
            "startDate", "2026-01-01", "endDate", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
    }

    Map<String, Object> engagementBody(String type) {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "title", type + " " + tag,
            "startAt", start.toString(), "direction", "MUTUAL", "effortHours", 1.5, "sentiment", 4,
            "participants", List.of(Map.of("contactId", contact, "role", type.equals("SECONDMENT") ? "SECONDEE" : "ATTENDEE"),
                Map.of("contactId", otherContact, "role", "HOST"))));
        if (type.equals("SECONDMENT")) {
            body.put("endAt", start.plus(60, ChronoUnit.DAYS).toString());
        }
        return body;
    }

    Map<String, Object> occurrenceBody() {
        return Map.of("occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
            "attendeeIds", List.of(contact), "effortHours", 1.5);
    }

    /** The current ETag of a single resource. */
    String etag(String path) {
        ApiCall.Result r = call(Role.VIEWER, ApiCall.of("GET", path));
        if (r.status() != 200 || r.header("etag") == null) {
            throw new IllegalStateException("GET " + path + " answered " + r.status() + " without an ETag: " + r.body());
        }
        return r.header("etag");
    }

    ApiCall.Result call(Role role, ApiCall call) {
        return call.withToken(callers.token(role)).send(base);
    }

    JsonNode post(Role role, String path, Map<String, Object> body) {
        ApiCall.Result r = call(role, ApiCall.of("POST", path).withJson(json(body)));
        if (r.status() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + r.status() + ": " + r.body());
        }
        return tree(r.body());
    }

    static String json(Object body) {
        try {
            return ApiDocument.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(String body) {
        try {
            return ApiDocument.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String id(JsonNode created) {
        return created.path("id").asText();
    }

    private static String id(ApiCall.Result created) {
        return tree(created.body()).path("id").asText();
    }

    static ApiCall.Result eventually(String what, java.util.function.Supplier<ApiCall.Result> request,
        Predicate<ApiCall.Result> done) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        ApiCall.Result last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            ServiceProcess.sleep(250);
        }
        throw new AssertionError("not within " + EVENTUALLY + ": " + what + "; last answer "
            + (last == null ? "none" : last.status() + " " + last.body()));
    }
}
