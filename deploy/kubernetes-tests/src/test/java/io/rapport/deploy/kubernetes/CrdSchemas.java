package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Kinds validated against their upstream CRD schema (src/test/resources/crd-schemas, see the README
 * there) instead of a Java model: required fields, types, enums, patterns, and no unknown field at any
 * depth (an object that lists its properties is closed, as the API server's strict field validation
 * treats it). {@code metadata} goes through fabric8's ObjectMeta with the strict mapper.
 */
final class CrdSchemas {

    /** The apiVersion/kind pairs that have a schema here, and its file. */
    static final Map<String, String> FILES = Map.of(
        "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io_v1_ScheduledBackup.yaml",
        "barmancloud.cnpg.io/v1/ObjectStore", "barmancloud.cnpg.io_v1_ObjectStore.yaml");

    /** What {@link StrictModel#validate} returns for a kind validated here. */
    record Validated(String schema) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    static boolean covers(String apiVersion, String kind) {
        return FILES.containsKey(apiVersion + "/" + kind);
    }

    /** Every problem found, as "at PATH: message" lines; empty when the object is valid. */
    static List<String> problems(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMAS.computeIfAbsent(key, CrdSchemas::load).validate(object)) {
            out.add("at " + m.getInstanceLocation() + ": " + m.getMessage());
        }
        try {
            StrictModel.STRICT.treeToValue(object.path("metadata"), ObjectMeta.class);
        } catch (IOException e) {
            out.add("at .metadata: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new ArrayList<>(out);
    }

    static JsonSchema load(String key) {
        String file = FILES.get(key);
        try (InputStream in = CrdSchemas.class.getResourceAsStream("/crd-schemas/" + file)) {
            if (in == null) {
                throw new AssertionError("no schema file " + file + " on the test class path");
            }
            JsonNode schema = YAML.readTree(in);
            close(schema);
            ((ObjectNode) schema).put("$schema", "https://json-schema.org/draft/2020-12/schema");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /**
     * Structural-schema semantics: an object schema with properties and no additionalProperties admits
     * no other field, unless it preserves unknown fields. The Kubernetes extensions are dropped (the
     * validator does not know them; x-kubernetes-int-or-string is already an anyOf).
     */
    static void close(JsonNode schema) {
        if (schema.isArray()) {
            schema.forEach(CrdSchemas::close);
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        ObjectNode node = (ObjectNode) schema;
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !preserve) {
            node.put("additionalProperties", false);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        if (node.has("properties")) {
            node.get("properties").forEach(CrdSchemas::close);
        }
        for (String child : List.of("items", "additionalProperties", "anyOf", "allOf", "oneOf", "not")) {
            if (node.has(child)) {
                close(node.get(child));
            }
        }
    }
}
