package io.rapport.e2e;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The merged OpenAPI 3.1 document, written in OpenAPI 3.0.3 terms for swagger-request-validator 2.x. That
 * validator reads a 3.1 document without complaint but drops every {@code type} (its 3.0 serializer knows no
 * type arrays), so a string where an integer belongs would pass: checked when this class was written, and
 * {@link ContractIT} checks it again on every run (a deliberately wrong body must be refused).
 *
 * <p>The rewriting is exact for what 3.1 adds that the services' documents use: {@code type: [T, "null"]} becomes
 * {@code type: T, nullable: true}; {@code const} an {@code enum} of one; a numeric {@code exclusiveMinimum/Maximum}
 * the 3.0 pair; a {@code $ref} with constraining siblings an {@code allOf}; schema {@code examples} (annotations)
 * are dropped. Anything else that 3.0 cannot say makes it fail, never weaken the check silently.
 */
final class OpenApi30View {

    /** Schema keywords that only annotate: beside a $ref they change nothing in what validates. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "example", "deprecated",
        "readOnly", "writeOnly", "default", "$comment");
    private static final Set<String> UNSUPPORTED = Set.of("prefixItems", "if", "then", "else", "dependentSchemas",
        "dependentRequired", "unevaluatedItems", "unevaluatedProperties", "$defs", "contains", "minContains",
        "maxContains", "patternProperties", "propertyNames", "$dynamicRef", "$anchor", "contentSchema");
    /** Keys whose values are schemas, maps of schemas or lists of schemas. */
    private static final Set<String> SCHEMA = Set.of("schema", "items", "not", "additionalProperties");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");

    private OpenApi30View() {
    }

    static ObjectNode of(JsonNode document31) {
        ObjectNode doc = document31.deepCopy();
        doc.put("openapi", "3.0.3");
        doc.remove(List.of("jsonSchemaDialect", "webhooks"));
        if (doc.path("info").path("license") instanceof ObjectNode license) {
            license.remove("identifier");
        }
        if (doc.path("components").has("pathItems")) {
            throw new IllegalStateException("components.pathItems (OpenAPI 3.1) cannot be written in 3.0");
        }
        walk(doc, "");
        return doc;
    }

    /** Walks the document (not examples), converting every schema it meets. */
    private static void walk(JsonNode node, String where) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), where + "/" + i);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode value = object.get(key);
            String at = where + "/" + key;
            if (key.equals("example") || key.equals("examples")) {
                continue; // example values are data, not document
            }
            if (key.equals("schemas") && where.endsWith("/components")) {
                value.fields().forEachRemaining(e -> schema(e.getValue(), at + "/" + e.getKey()));
            } else if (key.equals("schema")) {
                schema(value, at);
            } else {
                walk(value, at);
            }
        }
    }

    private static void schema(JsonNode node, String where) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        for (String keyword : UNSUPPORTED) {
            if (schema.has(keyword)) {
                throw new IllegalStateException(where + ": " + keyword + " cannot be written in OpenAPI 3.0");
            }
        }
        schema.remove("examples");
        JsonNode type = schema.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : types) {
                if (t.asText().equals("null")) {
                    nullable = true;
                } else {
                    named.add(t.asText());
                }
            }
            if (named.size() > 1) {
                throw new IllegalStateException(where + ": type " + types + " cannot be written in OpenAPI 3.0");
            }
            if (named.isEmpty()) {
                schema.put("type", "null");
            } else {
                schema.put("type", named.get(0));
                if (nullable) {
                    schema.put("nullable", true);
                }
            }
        }
        if (schema.has("const")) {
            schema.putArray("enum").add(schema.remove("const"));
        }
        for (String bound : new String[] {"Minimum", "Maximum"}) {
            JsonNode exclusive = schema.get("exclusive" + bound);
            if (exclusive != null && exclusive.isNumber()) {
                schema.set(bound.toLowerCase(), exclusive);
                schema.put("exclusive" + bound, true);
            }
        }
        if (schema.has("$ref") && schema.size() > 1) {
            boolean constrains = false;
            for (Iterator<String> it = schema.fieldNames(); it.hasNext();) {
                String k = it.next();
                constrains |= !k.equals("$ref") && !ANNOTATIONS.contains(k) && !k.equals("type");
            }
            JsonNode ref = schema.remove("$ref");
            if (constrains || schema.has("nullable")) {
                schema.putArray("allOf").addObject().set("$ref", ref);
            } else {
                schema.removeAll();
                schema.set("$ref", ref);
            }
        }
        for (Map.Entry<String, JsonNode> e : iterable(schema)) {
            if (SCHEMA.contains(e.getKey())) {
                schema(e.getValue(), where + "/" + e.getKey());
            } else if (SCHEMA_LISTS.contains(e.getKey())) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    schema(e.getValue().get(i), where + "/" + e.getKey() + "/" + i);
                }
            } else if (e.getKey().equals("properties")) {
                e.getValue().fields().forEachRemaining(p -> schema(p.getValue(), where + "/properties/" + p.getKey()));
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
