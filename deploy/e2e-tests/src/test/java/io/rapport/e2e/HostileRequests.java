package io.rapport.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.e2e.ApiDocument.Operation;
import io.rapport.e2e.Callers.Role;

/**
 * Hostile requests generated from the merged OpenAPI document, reproducibly from one {@link Random}: for every
 * operation, calls on the seeded data with one thing wrong at a time: a path id, a query parameter, a body field's
 * type, a missing or extra field, a huge, unicode or injection string, malformed JSON, a wrong content type, odd
 * headers, and every role or no token. Each case is {@code (role, call)}.
 */
final class HostileRequests {

    record Case(Role role, ApiCall call) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<String> STRINGS = List.of("", " ", "' OR '1'='1", "\"; DROP TABLE contact; --", "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../../../etc/passwd", "%00", "\u0000", "nul\u0000inside", "\u202Eevil",
        "Zoë Ångström 李小龍 🧑‍💼👩🏽‍🔬", "\uD83D", "𝕏".repeat(3000), "a".repeat(300), "a".repeat(100_000), "\t\r\n",
        "null", "true", "-1", "1e309", "NaN", "Infinity", "0x10", "[]", "{}", "\\", "\"", "' ; SELECT pg_sleep(5); --");
    private static final List<String> IDS = List.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000",
        "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "1-1-1-1-1", "%00", "%2e%2e", "..", "%E2%80%AE", "a".repeat(500),
        "%27%20OR%20%271%27%3D%271", "%F0%9F%A7%91", "%ZZ", "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6x");
    private static final List<String> NUMBERS = List.of("-1", "0", "2147483648", "-2147483649", "9223372036854775808",
        "21474837", "1.5", "1e3", "abc", "", "NaN", "０", "٣", "99999999999999999999999");
    private static final List<String> BROKEN_JSON = List.of("{", "{\"a\":}", "[1,2", "{\"a\" 1}", "{'a': 1}", "nul",
        "{\"a\":1,}", "\u0000", "{\"a\":\"\\x00\"}", "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(3000),
        "\"just a string\"", "42", "[]", "{\"fullName\":1e99999}");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "application/json; charset=utf-16", "application/json-patch+json", "*/*",
        "application/problem+json", "text/csv", "garbage");

    private final ApiDocument doc;
    private final SeedData seed;
    private final Random random;

    HostileRequests(ApiDocument doc, SeedData seed, Random random) {
        this.doc = doc;
        this.seed = seed;
        this.random = random;
    }

    /** At least {@code total} cases, spread evenly over the operations, in a reproducible order. */
    List<Case> generate(int total) {
        List<Case> cases = new ArrayList<>();
        List<Operation> operations = doc.operations();
        int perOperation = (total + operations.size() - 1) / operations.size();
        for (Operation op : operations) {
            for (int i = 0; i < perOperation; i++) {
                cases.add(one(op));
            }
        }
        return cases;
    }

    private Case one(Operation op) {
        ApiCall call = base(op);
        int kind = random.nextInt(op.hasBody() ? 9 : 5);
        call = switch (kind) {
            case 0 -> op.pathParams().isEmpty() ? query(op, call) : pathId(op);
            case 1 -> query(op, call);
            case 2 -> headers(call);
            case 3 -> call.withHeader("Accept", pick(List.of("application/xml", "text/html", "image/png", "*/*", "application/json")));
            case 4 -> op.hasBody() ? call.withBody(pick(CONTENT_TYPES), call.body() == null ? new byte[0] : call.body())
                : op.pathParams().isEmpty() ? query(op, call) : pathId(op);
            case 5 -> call.withBody("application/json", pick(BROKEN_JSON).getBytes(StandardCharsets.UTF_8));
            case 6 -> mutateBody(op, call, true);
            case 7 -> mutateBody(op, call, false);
            default -> call.withBody("application/json", new byte[0]);
        };
        Role role = random.nextInt(10) < 6 ? Role.ADMIN : pick(List.of(Role.NONE, Role.VIEWER, Role.EDITOR));
        return new Case(role, call.described(op.key() + " #" + kind));
    }

    /** The operation on the seeded data, with a plausible body built from its schema. */
    private ApiCall base(Operation op) {
        String path = op.template();
        for (String param : op.pathParams()) {
            path = path.replace("{" + param + "}", idFor(param, op.template()));
        }
        ApiCall call = ApiCall.of(op.method().toUpperCase(), path);
        if (op.headerParams().contains("If-Match")) {
            call = call.withHeader("If-Match", "\"1\"");
        }
        JsonNode schema = op.bodySchema(doc.document());
        if (schema != null) {
            call = call.withJson(sample(schema, "", 0).toString());
        } else if (op.hasBody()) {
            call = call.withBody("text/csv", "fullName,email,businessUnitCode,seniority\nA,a@example.com,X,STAFF\n"
                .getBytes(StandardCharsets.UTF_8));
        }
        return call;
    }

    private String idFor(String param, String template) {
        if (param.equals("roleId")) {
            return seed.role;
        }
        if (template.startsWith("/api/v1/business-units")) {
            return seed.unit;
        }
        if (template.startsWith("/api/v1/engagements")) {
            return seed.engagement;
        }
        if (template.startsWith("/api/v1/forums")) {
            return seed.forum;
        }
        return seed.contact;
    }

    private ApiCall pathId(Operation op) {
        String path = op.template();
        String target = pick(op.pathParams());
        for (String param : op.pathParams()) {
            path = path.replace("{" + param + "}", param.equals(target) ? pick(IDS) : idFor(param, op.template()));
        }
        return base(op).withPath(path);
    }

    private ApiCall query(Operation op, ApiCall call) {
        List<String> names = new ArrayList<>(op.queryParams());
        names.add("unknown");
        String name = pick(names);
        String value = random.nextBoolean() ? pick(NUMBERS) : pick(STRINGS);
        if (value.length() > 9000) {
            value = value.substring(0, 9000); // past the gateway's URI limit (414), under the HTTP decoder's own
        }
        ApiCall out = call.withQuery(name, value);
        return random.nextInt(4) == 0 ? out.withQuery(name, pick(NUMBERS)) : out;
    }

    private ApiCall headers(ApiCall call) {
        return switch (random.nextInt(6)) {
            case 0 -> call.withHeader("If-Match", pick(List.of("W/\"1\"", "*", "garbage", "\"1\", \"2\"", "\"" + "9".repeat(40) + "\"")));
            case 1 -> call.withHeader("Idempotency-Key", pick(List.of("", " ", "k".repeat(300), "' OR 1=1", "key with spaces")));
            case 2 -> call.withHeader("If-None-Match", pick(List.of("*", "garbage", "W/\"x\"")));
            case 3 -> call.withHeader("X-Request-Id", pick(List.of("a".repeat(500), "<script>", "id with spaces")));
            case 4 -> call.withHeader("X-Padding", "p".repeat(30_000));
            default -> call.withHeader("traceparent", pick(List.of("00-zz-zz-01", "garbage", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01")));
        };
    }

    /** A body with one field of the wrong type or value ({@code typed}), or one missing / extra field. */
    private ApiCall mutateBody(Operation op, ApiCall call, boolean typed) {
        if (call.bodyText() == null || !call.bodyText().startsWith("{")) {
            return call.withJson(pick(BROKEN_JSON));
        }
        ObjectNode body = (ObjectNode) SeedData.tree(call.bodyText());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        if (typed && !fields.isEmpty()) {
            String field = pick(fields);
            switch (random.nextInt(5)) {
                case 0 -> body.put(field, pick(STRINGS));
                case 1 -> body.put(field, random.nextInt(3) == 0 ? Long.MAX_VALUE : -random.nextInt(1000));
                case 2 -> body.set(field, F.arrayNode().add(pick(STRINGS)).add(F.objectNode()));
                case 3 -> body.putNull(field);
                default -> body.set(field, F.objectNode().put("nested", pick(STRINGS)));
            }
        } else if (!fields.isEmpty() && random.nextBoolean()) {
            body.remove(pick(fields));
        } else {
            body.put(pick(List.of("id", "version", "status", "__proto__", "constructor", "extra", "a".repeat(5000))), pick(STRINGS));
        }
        return call.withJson(body.toString());
    }

    /** A plausible value for a schema: seeded ids for uuid fields, enums' first value, every property filled. */
    private JsonNode sample(JsonNode schemaNode, String field, int depth) {
        JsonNode schema = ApiDocument.resolve(doc.document(), schemaNode);
        for (String combiner : new String[] {"anyOf", "oneOf", "allOf"}) {
            for (JsonNode option : schema.path(combiner)) {
                JsonNode resolved = ApiDocument.resolve(doc.document(), option);
                if (!"null".equals(resolved.path("type").asText())) {
                    return sample(resolved, field, depth + 1);
                }
            }
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        if (depth > 6) {
            return F.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode out = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> p = it.next();
                    out.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1));
                }
                yield out;
            }
            case "array" -> {
                ArrayNode out = F.arrayNode();
                out.add(sample(schema.path("items"), field, depth + 1));
                yield out;
            }
            case "integer" -> F.numberNode(field.equals("sentiment") ? 4 : 1);
            case "number" -> F.numberNode(1.5);
            case "boolean" -> F.booleanNode(true);
            default -> F.textNode(stringFor(field, format));
        };
    }

    private String stringFor(String field, String format) {
        if (format.equals("uuid") || field.endsWith("Id") || field.endsWith("Ids")) {
            return field.startsWith("businessUnit") || field.equals("parentId") ? seed.unit
                : field.startsWith("forum") ? seed.forum : seed.contact;
        }
        return switch (format) {
            case "date-time" -> Instant.now().minusSeconds(3600).toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
            default -> field.equals("email") ? "hostile." + random.nextInt(1_000_000) + "@example.com"
                : field.equals("code") || field.equals("projectCode") ? "H" + random.nextInt(1_000_000) : "hostile " + field;
        };
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
