package io.rapport.e2e;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.rapport.e2e.Callers.Role;

/**
 * One valid request per operation of the merged document, on the seeded data: the role that may make it, the
 * values of its path parameters, and the call. An operation missing here fails the contract run, unless it is a
 * GET without path parameters, which is called without parameters.
 */
final class ValidCalls {

    /** A valid request: made as {@code role}, {@code params} fill the path template, answered {@code expected}. */
    record Valid(Role role, Map<String, String> params, Supplier<ApiCall> call, int expected) {
    }

    private final SeedData seed;
    private final Map<String, Valid> calls = new HashMap<>();

    ValidCalls(SeedData seed) {
        this.seed = seed;
        String unitPath = "/api/v1/business-units/";
        String contactPath = "/api/v1/contacts/";
        String rolePath = contactPath + seed.contact + "/stakeholder-roles/";
        add("GET /api/v1/business-units", Role.VIEWER, Map.of(), c -> c.withQuery("page", "0").withQuery("size", "5")
            .withQuery("sort", "name,asc"), 200);
        add("POST /api/v1/business-units", Role.ADMIN, Map.of(), c -> c.withHeader("Idempotency-Key", "unit-" + seed.tag)
            .withJson(SeedData.json(Map.of("code", "N" + seed.tag, "name", "New unit", "parentId", seed.unit))), 201);
        add("GET /api/v1/business-units/{id}", Role.VIEWER, Map.of("id", seed.unit), c -> c, 200);
        add("PUT /api/v1/business-units/{id}", Role.ADMIN, Map.of("id", seed.unit), c -> c
            .withHeader("If-Match", seed.etag(unitPath + seed.unit))
            .withJson(SeedData.json(Map.of("code", "C" + seed.tag, "name", "Contract unit (renamed)"))), 200);
        add("DELETE /api/v1/business-units/{id}", Role.ADMIN, Map.of("id", seed.emptyUnit), c -> c, 204);

        add("GET /api/v1/contacts", Role.VIEWER, Map.of(), c -> c.withQuery("businessUnitId", seed.unit)
            .withQuery("sort", "fullName,asc").withQuery("size", "10"), 200);
        add("POST /api/v1/contacts", Role.EDITOR, Map.of(), c -> c.withHeader("Idempotency-Key", "contact-" + seed.tag)
            .withJson(SeedData.json(seed.contactBody("Nia New"))), 201);
        add("GET /api/v1/contacts/{id}", Role.VIEWER, Map.of("id", seed.contact), c -> c, 200);
        add("PUT /api/v1/contacts/{id}", Role.EDITOR, Map.of("id", seed.contact), c -> c
            .withHeader("If-Match", seed.etag(contactPath + seed.contact)).withJson(SeedData.json(seed.contactBody("Priya Contract"))), 200);
        add("DELETE /api/v1/contacts/{id}", Role.EDITOR, Map.of("id", seed.contactToLeave), c -> c, 204);
        add("POST /api/v1/contacts/{id}/erasure", Role.ADMIN, Map.of("id", seed.contactToErase), c -> c, 200);
        add("POST /api/v1/contacts/import", Role.EDITOR, Map.of(), c -> c.withBody("text/csv",
            ("fullName,email,businessUnitCode,seniority\nIvy Import,ivy." + seed.tag.toLowerCase() + "@example.com,C"
                + seed.tag + ",STAFF\n").getBytes(StandardCharsets.UTF_8)), 200);
        add("GET /api/v1/contacts/{contactId}/stakeholder-roles", Role.VIEWER, Map.of("contactId", seed.contact),
            c -> c.withQuery("page", "0").withQuery("size", "10"), 200);
        add("POST /api/v1/contacts/{contactId}/stakeholder-roles", Role.EDITOR, Map.of("contactId", seed.contact),
            c -> c.withJson(SeedData.json(seed.roleBody("NEW"))), 201);
        add("GET /api/v1/contacts/{contactId}/stakeholder-roles/{roleId}", Role.VIEWER,
            Map.of("contactId", seed.contact, "roleId", seed.role), c -> c, 200);
        add("PUT /api/v1/contacts/{contactId}/stakeholder-roles/{roleId}", Role.EDITOR,
            Map.of("contactId", seed.contact, "roleId", seed.role), c -> c.withHeader("If-Match", seed.etag(rolePath + seed.role))
                .withJson(SeedData.json(seed.roleBody("ERP"))), 200);
        add("DELETE /api/v1/contacts/{contactId}/stakeholder-roles/{roleId}", Role.EDITOR,
            Map.of("contactId", seed.contact, "roleId", seed.roleToEnd), c -> c, 204);

        String engagementPath = "/api/v1/engagements/";
        add("GET /api/v1/engagements", Role.VIEWER, Map.of(), c -> c.withQuery("contactId", seed.contact)
            .withQuery("from", "2026-01-01").withQuery("sort", "startAt,desc"), 200);
        add("POST /api/v1/engagements", Role.EDITOR, Map.of(), c -> c.withHeader("Idempotency-Key", "engagement-" + seed.tag)
            .withJson(SeedData.json(seed.engagementBody("EXPERTISE_EXCHANGE"))), 201);
        add("GET /api/v1/engagements/{id}", Role.VIEWER, Map.of("id", seed.engagement), c -> c, 200);
        add("PUT /api/v1/engagements/{id}", Role.EDITOR, Map.of("id", seed.engagement), c -> c
            .withHeader("If-Match", seed.etag(engagementPath + seed.engagement))
            .withJson(SeedData.json(seed.engagementBody("ONE_TO_ONE"))), 200);
        add("DELETE /api/v1/engagements/{id}", Role.EDITOR, Map.of("id", seed.engagementToCancel), c -> c, 204);
        add("POST /api/v1/engagements/{id}/transitions", Role.EDITOR, Map.of("id", seed.secondment),
            c -> c.withJson("{\"to\": \"AGREED\"}"), 200);
        String forumBody = SeedData.json(Map.of("name", "Contract forum " + seed.tag, "cadence", "FORTNIGHTLY",
            "memberIds", List.of(seed.contact, seed.otherContact)));
        add("GET /api/v1/forums", Role.VIEWER, Map.of(), c -> c.withQuery("sort", "name,asc"), 200);
        add("POST /api/v1/forums", Role.EDITOR, Map.of(), c -> c.withJson(forumBody.replace("Contract forum", "Second forum")), 201);
        add("GET /api/v1/forums/{id}", Role.VIEWER, Map.of("id", seed.forum), c -> c, 200);
        add("PUT /api/v1/forums/{id}", Role.EDITOR, Map.of("id", seed.forum), c -> c
            .withHeader("If-Match", seed.etag("/api/v1/forums/" + seed.forum)).withJson(forumBody), 200);
        add("POST /api/v1/forums/{id}/occurrences", Role.EDITOR, Map.of("id", seed.forum),
            c -> c.withJson(SeedData.json(seed.occurrenceBody())), 201);
        add("GET /api/v1/forums/{id}/attendance", Role.VIEWER, Map.of("id", seed.forum), c -> c, 200);

        add("GET /api/v1/relationships", Role.VIEWER, Map.of(), c -> c.withQuery("businessUnitId", seed.unit)
            .withQuery("sort", "score,desc"), 200);
        add("GET /api/v1/relationships/{contactId}", Role.VIEWER, Map.of("contactId", seed.contact), c -> c, 200);
        add("GET /api/v1/insights/going-cold", Role.VIEWER, Map.of(), c -> c.withQuery("withinDays", "3650"), 200);
        add("GET /api/v1/insights/expiring-stakeholders", Role.VIEWER, Map.of(), c -> c.withQuery("withinDays", "60"), 200);
        add("GET /api/v1/reports/value", Role.VIEWER, Map.of(), c -> c.withQuery("from", "2026-01-01")
            .withQuery("to", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()).withQuery("businessUnitId", seed.unit), 200);
        add("POST /api/v1/admin/rebuild", Role.ADMIN, Map.of(), c -> c, 202);
    }

    private void add(String key, Role role, Map<String, String> params, java.util.function.UnaryOperator<ApiCall> build,
        int expected) {
        String[] parts = key.split(" ", 2);
        calls.put(key, new Valid(role, params, () -> build.apply(ApiCall.of(parts[0], fill(parts[1], params))), expected));
    }

    /** The valid request of an operation; a GET without path parameters defaults to a plain call, 200. */
    Valid of(ApiDocument.Operation op) {
        Valid valid = calls.get(op.key());
        if (valid == null && op.method().equals("get") && op.pathParams().isEmpty()) {
            return new Valid(Role.VIEWER, Map.of(), () -> ApiCall.of("GET", op.template()), 200);
        }
        return valid;
    }

    static String fill(String template, Map<String, String> params) {
        String path = template;
        for (Map.Entry<String, String> p : params.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path;
    }

    SeedData seed() {
        return seed;
    }
}
