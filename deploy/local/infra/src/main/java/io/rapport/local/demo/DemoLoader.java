package io.rapport.local.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.rapport.local.demo.DemoClient.Answer;
import io.rapport.local.demo.DemoPlan.Contact;
import io.rapport.local.demo.DemoPlan.Engagement;
import io.rapport.local.demo.DemoPlan.Forum;
import io.rapport.local.demo.DemoPlan.Occurrence;
import io.rapport.local.demo.DemoPlan.Role;
import io.rapport.local.demo.DemoPlan.Unit;

/**
 * Loads a {@link DemoPlan} through the gateway, in dependency order (units, contacts, stakeholder roles,
 * engagements and their transitions, forums and their occurrences, leavers), several requests at a time. Every
 * creating POST carries {@code Idempotency-Key: demo-<seed>-<item key>}: loading again replays the first answers
 * (same ids) and adds nothing; lifecycle transitions and leavers are applied only where the current state lacks them.
 */
final class DemoLoader {

    static final List<String> LIFECYCLE = List.of("PROPOSED", "AGREED", "ACTIVE", "COMPLETED");

    private final DemoClient client;
    private final long seed;
    private final int threads;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final ThreadLocal<String[]> tokens;
    final Map<String, AtomicInteger[]> progress = new LinkedHashMap<>();
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();

    DemoLoader(DemoClient client, long seed, int threads) {
        this.client = client;
        this.seed = seed;
        this.threads = threads;
        AtomicInteger worker = new AtomicInteger();
        this.tokens = ThreadLocal.withInitial(() -> {
            String subject = "demo-loader-" + worker.incrementAndGet();
            return new String[] {client.token(subject, "rapport-admin"), client.token(subject, "rapport-editor")};
        });
        for (String what : List.of("units", "contacts", "roles", "engagements", "forums", "occurrences", "transitions")) {
            progress.put(what, new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
        }
    }

    /**
     * The day the demo was first loaded: creates the first unit (or replays its creation) and takes its creation
     * date, so every later load regenerates the same plan and replays it.
     */
    LocalDate anchor() {
        Unit first = DemoNetwork.units().get(0);
        Answer a = create("units", "/api/v1/business-units", first.key(), unitBody(first), true);
        ids.put(first.key(), a.id());
        return OffsetDateTime.parse(a.json().path("createdAt").asText()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    void load(DemoPlan plan) {
        total("units", plan.units().size());
        total("contacts", plan.contacts().size());
        total("roles", plan.roles().size());
        total("engagements", plan.engagements().size());
        total("forums", plan.forums().size());
        total("occurrences", plan.forums().stream().mapToInt(f -> f.occurrences().size()).sum());
        total("transitions", (int) plan.engagements().stream().filter(e -> longRunning(e.type())).count());
        for (Unit u : plan.units().subList(1, plan.units().size())) { // parents come before their sub-units
            ids.put(u.key(), create("units", "/api/v1/business-units", u.key(), unitBody(u), true).id());
        }
        importContacts(plan);
        parallel(plan.roles(), r -> create("roles", "/api/v1/contacts/" + ids.get(r.contactKey()) + "/stakeholder-roles", r.key(),
            roleBody(r), false));
        parallel(plan.engagements(), e -> {
            Answer a = create("engagements", "/api/v1/engagements", e.key(), engagementBody(e), false);
            if (longRunning(e.type())) {
                moveTo(a.id(), e);
            }
        });
        for (Forum f : plan.forums()) {
            String forumId = create("forums", "/api/v1/forums", f.key(), Map.of("name", f.name(), "cadence", f.cadence(),
                "memberIds", f.memberKeys().stream().map(ids::get).toList()), false).id();
            parallel(f.occurrences(), o -> create("occurrences", "/api/v1/forums/" + forumId + "/occurrences", o.key(),
                occurrenceBody(o), false));
        }
        for (String leaver : plan.leaverKeys()) {
            String path = "/api/v1/contacts/" + ids.get(leaver);
            if (!"LEFT".equals(client.get(editor(), path).json().path("status").asText())) {
                expect(client.delete(editor(), path), 204, "contact " + leaver + " leaving");
            }
        }
    }

    /**
     * The contacts in one CSV import (the directory a PMO starts from), the four stay-in-touch and influence fields
     * as trailing columns; their ids then come from the contact list, by email.
     */
    private void importContacts(DemoPlan plan) {
        StringBuilder csv = new StringBuilder("fullName,email,phone,jobTitle,businessUnitCode,seniority,expertise,ownerName,"
            + "ownerEmail,cadenceDays,influence,interest,stance\n");
        Map<String, String> codeOf = new HashMap<>();
        plan.units().forEach(u -> codeOf.put(u.key(), u.code()));
        for (Contact c : plan.contacts()) {
            csv.append(String.join(",", c.fullName(), c.email(), c.phone(), quoted(c.jobTitle()), codeOf.get(c.unitKey()),
                c.seniority(), String.join(";", c.expertise()), c.owner() == null ? "" : c.owner().name(),
                c.owner() == null ? "" : c.owner().email(), c.cadenceDays() == null ? "" : c.cadenceDays().toString(),
                blank(c.influence()), blank(c.interest()), blank(c.stance()))).append('\n');
        }
        Answer report = client.postCsv(editor(), "/api/v1/contacts/import", csv.toString(), "demo-" + seed + "-contacts");
        expect(report, 200, "contact import");
        if (!report.json().path("rejected").isEmpty()) {
            throw new IllegalStateException("the contact import rejected rows: " + report.json().path("rejected"));
        }
        (report.replayed() ? replayed : added).addAndGet(plan.contacts().size());
        Map<String, String> idOfEmail = new HashMap<>();
        for (int page = 0; idOfEmail.size() < plan.contacts().size(); page++) {
            Answer list = client.get(editor(), "/api/v1/contacts?size=200&sort=createdAt,asc&page=" + page);
            expect(list, 200, "contact list");
            if (list.json().path("items").isEmpty()) {
                break;
            }
            list.json().path("items").forEach(c -> idOfEmail.put(c.path("email").asText(), c.path("id").asText()));
        }
        for (Contact c : plan.contacts()) {
            String id = idOfEmail.get(c.email());
            if (id == null) {
                throw new IllegalStateException("contact " + c.email() + " is not in the contact list after the import");
            }
            ids.put(c.key(), id);
            progress.get("contacts")[0].incrementAndGet();
        }
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static boolean longRunning(String type) {
        return type.equals("SECONDMENT") || type.equals("SHADOWING") || type.equals("ON_THE_JOB_TRAINING");
    }

    /** The transitions from the engagement's current status to the planned one (none when it is there). */
    private void moveTo(String id, Engagement e) {
        String path = "/api/v1/engagements/" + id;
        String current = client.get(editor(), path).json().path("status").asText();
        List<String> steps = new ArrayList<>();
        if (e.status().equals("CANCELLED")) {
            if (!current.equals("CANCELLED")) {
                steps.add("CANCELLED"); // planned cancellations are cancelled while still PROPOSED
            }
        } else {
            for (int i = LIFECYCLE.indexOf(current) + 1; i <= LIFECYCLE.indexOf(e.status()); i++) {
                steps.add(LIFECYCLE.get(i));
            }
        }
        for (String to : steps) {
            Map<String, Object> body = new HashMap<>();
            body.put("to", to);
            if (to.equals(e.status()) && e.hoursDelivered() != null && !to.equals("CANCELLED")) {
                body.put("hoursDelivered", e.hoursDelivered());
            }
            expect(client.post(editor(), path + "/transitions", body, null), 200, "transition of " + e.key() + " to " + to);
        }
        progress.get("transitions")[0].incrementAndGet();
    }

    private Answer create(String what, String path, String key, Object body, boolean admin) {
        Answer a = client.post(admin ? admin() : editor(), path, body, "demo-" + seed + "-" + key);
        if (a.status() == 409 && what.equals("units")) {
            throw new IllegalStateException("business unit " + ((Map<?, ?>) body).get("code") + " exists but was not made "
                + "by a demo of seed " + seed + ". Fix: use the seed of the first demo load, or deploy/local/rapport reset,"
                + " then up and demo.");
        }
        expect(a, 201, what + " " + key);
        (a.replayed() ? replayed : added).incrementAndGet();
        progress.get(what)[0].incrementAndGet();
        return a;
    }

    private static void expect(Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + a.body());
        }
    }

    private <T> void parallel(List<T> items, Consumer<T> load) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> load.accept(item)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void total(String what, int n) {
        progress.get(what)[1].set(n);
    }

    private String admin() {
        return tokens.get()[0];
    }

    private String editor() {
        return tokens.get()[1];
    }

    private Map<String, Object> unitBody(Unit u) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", u.code());
        body.put("name", u.name());
        body.put("parentId", u.parentKey() == null ? null : ids.get(u.parentKey()));
        return body;
    }

    private static Map<String, Object> roleBody(Role r) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectCode", r.projectCode());
        body.put("projectName", r.projectName());
        body.put("role", r.role());
        body.put("startDate", r.startDate().toString());
        body.put("endDate", r.endDate() == null ? null : r.endDate().toString());
        return body;
    }

    private Map<String, Object> engagementBody(Engagement e) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("startAt", e.startAt().toString());
        body.put("endAt", e.endAt() == null ? null : e.endAt().toString());
        body.put("participants", e.participants().stream().map(p -> Map.of("contactId", ids.get(p.contactKey()),
            "role", p.role())).toList());
        body.put("direction", e.direction());
        body.put("effortHours", e.effortHours());
        body.put("sentiment", e.sentiment());
        body.put("outcome", e.outcome());
        body.put("lead", e.lead() == null ? null : Map.of("name", e.lead().name(), "email", e.lead().email()));
        body.put("hoursPledged", e.hoursPledged());
        body.put("hoursDelivered", longRunning(e.type()) ? 0.0 : null);
        return body;
    }

    private Map<String, Object> occurrenceBody(Occurrence o) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredAt", o.at().toString());
        body.put("attendeeIds", o.attendeeKeys().stream().map(ids::get).toList());
        body.put("effortHours", o.effortHours());
        body.put("sentiment", o.sentiment());
        return body;
    }
}
