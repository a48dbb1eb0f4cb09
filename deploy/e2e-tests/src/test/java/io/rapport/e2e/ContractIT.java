package io.rapport.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.rapport.e2e.ApiDocument.Operation;
import io.rapport.e2e.Callers.Role;
import io.rapport.e2e.ValidCalls.Valid;

/**
 * The merged OpenAPI document at the gateway's {@code /openapi} against the live suite (issue 16): for every
 * operation, a valid seeded call (its request checked against the document too) and the calls every operation
 * must answer in a known way: no token 401, a role too weak 403, for each path id a random UUID 404 and a
 * malformed one 400, bad paging 400, a malformed or mistyped body 400/415, If-Match missing 428 / stale or weak
 * 412, If-None-Match 304. Every response, success or error, is validated against the document by
 * swagger-request-validator (status declared, content type, body schema) and its status against the expected
 * one. Every mismatch is collected per operation and printed; any fails the build.
 */
@ExtendWith(RapportSuite.class)
class ContractIT {

    private ApiDocument doc;
    private SeedData seed;
    private final ContractReport report = new ContractReport();

    @Test
    void everyOperationAnswersWhatTheMergedDocumentSays() {
        String base = RapportSuite.get().gatewayUrl();
        doc = new ApiDocument(ApiCall.of("GET", "/openapi").send(base).body());
        validatorHasTeeth();
        seed = new SeedData(base, new Callers("contract"), 16).create();
        ValidCalls valid = new ValidCalls(seed);
        for (Operation op : doc.operations()) {
            report.operation();
            schemasOf(op);
            Valid v = valid.of(op);
            if (v == null) {
                report.mismatch(op.key(), "no valid call for this operation in ValidCalls: add one");
                continue;
            }
            checkOperation(op, v);
        }
        awaitRebuildDone();
        System.out.println(report.summary());
        assertFalse(doc.operations().isEmpty(), "no operations in /openapi");
        if (report.mismatchCount() > 0) {
            fail(report.summary());
        }
    }

    /** CORS exposes every response header the document names, so a browser client can read them all. */
    @Test
    void corsExposesEveryDocumentedResponseHeader() {
        String base = RapportSuite.get().gatewayUrl();
        ApiDocument document = new ApiDocument(ApiCall.of("GET", "/openapi").send(base).body());
        java.util.Set<String> documented = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        document.document().findValues("headers").forEach(h -> h.fieldNames().forEachRemaining(documented::add));
        ApiCall.Result r = ApiCall.of("GET", "/api/v1/network").withHeader("Origin", "https://rapport.example")
            .withToken(new Callers("cors").token(Role.VIEWER)).send(base);
        java.util.Set<String> exposed = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String h : String.valueOf(r.header("access-control-expose-headers")).split(",")) {
            exposed.add(h.trim());
        }
        documented.removeAll(exposed);
        org.junit.jupiter.api.Assertions.assertTrue(documented.isEmpty(),
            "documented response headers CORS does not expose: " + documented + " (exposed: " + exposed + ")");
    }

    /** Every response with a body has a schema, and no array in it leaves its items untyped. */
    private void schemasOf(Operation op) {
        op.node().path("responses").fields().forEachRemaining(r -> {
            com.fasterxml.jackson.databind.JsonNode response = ApiDocument.resolve(doc.document(), r.getValue());
            response.path("content").fields().forEachRemaining(media -> {
                if (!media.getValue().has("schema")) {
                    report.mismatch(op.key(), r.getKey() + " " + media.getKey() + ": no schema");
                } else {
                    untypedArrays(op, r.getKey(), ApiDocument.resolve(doc.document(), media.getValue().path("schema")), "", 0);
                }
            });
        });
    }

    private void untypedArrays(Operation op, String status, com.fasterxml.jackson.databind.JsonNode schema, String at, int depth) {
        if (depth > 8) {
            return;
        }
        if (schema.has("items") && schema.path("items").isEmpty()) {
            report.mismatch(op.key(), status + ": the array " + (at.isEmpty() ? "body" : at) + " has untyped items");
        }
        schema.path("properties").fields().forEachRemaining(p -> untypedArrays(op, status,
            ApiDocument.resolve(doc.document(), p.getValue()), at + "/" + p.getKey(), depth + 1));
        if (schema.has("items")) {
            untypedArrays(op, status, ApiDocument.resolve(doc.document(), schema.path("items")), at + "[]", depth + 1);
        }
    }

    private void checkOperation(Operation op, Valid v) {
        ApiCall template = v.call().get();
        // never changes anything: no token, a role too weak, unknown and malformed ids, bad parameters and bodies
        expect(op, template.described("no token"), Role.NONE, 401);
        Role needed = Role.of(op.requiredRole());
        if (needed.ordinal() > Role.VIEWER.ordinal()) {
            expect(op, template.described("viewer token"), Role.VIEWER, 403);
        }
        for (String param : op.pathParams()) {
            Map<String, String> random = new java.util.HashMap<>(v.params());
            random.put(param, UUID.randomUUID().toString());
            expect(op, template.withPath(ValidCalls.fill(op.template(), random)).described(param + " = random UUID"), v.role(), 404);
            Map<String, String> malformed = new java.util.HashMap<>(v.params());
            malformed.put(param, "not-a-uuid");
            expect(op, template.withPath(ValidCalls.fill(op.template(), malformed)).described(param + " malformed"), v.role(), 400);
        }
        if (op.queryParams().contains("page")) {
            expect(op, template.replacingQuery("page", "abc").described("page=abc"), v.role(), 400);
            expect(op, template.replacingQuery("page", "21474837").replacingQuery("size", "100")
                .described("page x size overflows"), v.role(), 400);
        }
        if (op.hasBody() && template.header("Content-Type").orElse("").equals("application/json")) {
            expect(op, template.withJson("{\"broken\": ").described("malformed JSON"), v.role(), 400);
            expect(op, template.withBody("text/plain", template.body()).described("text/plain body"), v.role(), 415);
        }
        if (op.declares(428)) {
            expect(op, template.withoutHeader("If-Match").described("no If-Match"), v.role(), 428);
        }
        if (op.declares(412) && template.header("If-Match").isPresent()) {
            expect(op, template.withHeader("If-Match", "\"999999\"").described("stale If-Match"), v.role(), 412);
            expect(op, template.withHeader("If-Match", "W/" + template.header("If-Match").get()).described("weak If-Match"),
                v.role(), 412);
        }
        if (op.declares(304)) {
            String etag = seed.etag(template.path());
            expect(op, template.withHeader("If-None-Match", etag).described("If-None-Match current"), v.role(), 304);
        }
        // and the valid call itself, last (it may change or remove the resource)
        List<String> requestProblems = doc.checkRequest(template.withToken(seed.callers.token(v.role())));
        requestProblems.forEach(p -> report.mismatch(op.key(), "valid request refused by the document: " + p));
        expect(op, template.described("valid call"), v.role(), v.expected());
        if (op.key().equals("GET /api/v1/relationships/{contactId}")) {
            // a relationship with no engagement: COLD, no forecast, no last engagement
            expect(op, template.withPath("/api/v1/relationships/" + seed.coldContact).described("a cold relationship"),
                v.role(), 200);
        }
    }

    private void expect(Operation op, ApiCall call, Role role, int expected) {
        ApiCall.Result result = seed.call(role, call);
        report.checked(op.key());
        if (result.status() != expected) {
            report.mismatch(op.key(), call.what() + ": expected " + expected + ", got " + result.status() + " "
                + abbreviate(result.body()));
        }
        for (String problem : doc.checkResponse(call, result)) {
            report.mismatch(op.key(), call.what() + " -> " + result.status() + ": " + problem);
        }
    }

    /** The validator must refuse a body of the wrong type: if it did not, every check above would pass vacuously. */
    private void validatorHasTeeth() {
        ApiCall call = ApiCall.of("GET", "/api/v1/business-units/" + UUID.randomUUID());
        ApiCall.Result wrong = new ApiCall.Result(200, Map.of("content-type", "application/json"),
            "{\"id\": 5, \"code\": 7, \"name\": [], \"parentId\": null, \"version\": \"one\","
                + " \"createdAt\": \"2026-11-25T10:00:00Z\", \"updatedAt\": \"2026-11-25T10:00:00Z\"}");
        List<String> problems = new ArrayList<>(doc.checkResponse(call, wrong));
        assertFalse(problems.stream().noneMatch(p -> p.contains("type")),
            "the validator accepted a body of the wrong types: " + problems);
        ApiCall.Result undeclared = new ApiCall.Result(418, Map.of(), "");
        assertFalse(doc.checkResponse(call, undeclared).isEmpty(), "the validator accepted an undeclared status");
    }

    private void awaitRebuildDone() {
        SeedData.eventually("the rebuild the contract run started is done",
            () -> seed.call(Role.VIEWER, ApiCall.of("GET", "/api/v1/admin/rebuild")),
            r -> r.status() != 200 || !r.body().contains("RUNNING"));
    }

    private static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ');
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
