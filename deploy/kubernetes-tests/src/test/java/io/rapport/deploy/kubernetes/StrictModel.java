package io.rapport.deploy.kubernetes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.annotations.ApiVersion;
import io.strimzi.api.annotations.DeprecatedProperty;
import io.strimzi.api.annotations.VersionRange;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.PresentInVersions;

/**
 * Strict schema validation of one rendered object against a Java model of its kind:
 * <ul>
 * <li>Kubernetes kinds: the fabric8 model (io.fabric8:kubernetes-model-*, the version the
 * Quarkus BOM pins), class resolved from apiVersion and kind by fabric8 itself;</li>
 * <li>Strimzi kinds: Strimzi's published model (io.strimzi:api), plus the API-version
 * annotations it carries (a field only present in v1beta2 fails in a v1 resource; a deprecated
 * field fails);</li>
 * <li>prometheus-operator (PodMonitor, PrometheusRule), Gateway API (HTTPRoute, ReferenceGrant) and
 * cert-manager (Certificate) kinds: fabric8's models of their CRDs (openshift-model-monitoring,
 * kubernetes-model-gatewayapi, certmanager-model), resolved the same way;</li>
 * <li>CloudNativePG Cluster: {@link CnpgCluster}, our own model (see there);</li>
 * <li>CloudNativePG ScheduledBackup and the Barman Cloud Plugin's ObjectStore: their upstream CRD
 * schemas ({@link CrdSchemas}).</li>
 * </ul>
 * Fields a model marks {@code @JsonProperty(required = true)} (Strimzi's, {@link CnpgCluster}) must be
 * present; the required fields of the Kubernetes, prometheus-operator, Gateway API and cert-manager
 * kinds are checked by {@link RequiredFieldsTest} against the kubernetes-models schemas.
 * Both models keep unknown fields in an "additionalProperties" map (@JsonAnySetter) instead of
 * failing; this mapper switches that off, so an unknown (misspelt) field fails with Jackson's
 * "Unrecognized field" error, at any depth. Scalars are not coerced (a string where Kubernetes
 * wants a number fails, and the other way round), as the API server's strict decoding does.
 * Finally the typed object is written back and every input value must come out unchanged, which
 * catches what a model silently drops or rewrites (an unknown enum value read as null, say).
 * An apiVersion/kind with no model fails: every rendered object is checked.
 */
final class StrictModel {

    static final ObjectMapper STRICT = strictMapper();
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private StrictModel() {
    }

    static final class SchemaViolation extends Exception {
        SchemaViolation(String message) {
            super(message);
        }
    }

    static ObjectMapper strictMapper() {
        ObjectMapper m = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }

                @Override
                public Boolean hasAnyGetter(Annotated a) {
                    return Boolean.FALSE;
                }

                // write every non-null value back, defaults included, for the round trip below
                @Override
                public JsonInclude.Value findPropertyInclusion(Annotated a) {
                    return JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
                }

                @Override
                public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                    return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
        m.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.POJO)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }

    /** The Java model of an apiVersion/kind. */
    static Class<?> modelOf(String apiVersion, String kind) throws SchemaViolation {
        switch (apiVersion + "/" + kind) {
            case "kafka.strimzi.io/v1/Kafka":
                return Kafka.class;
            case "kafka.strimzi.io/v1/KafkaNodePool":
                return KafkaNodePool.class;
            case "kafka.strimzi.io/v1/KafkaTopic":
                return KafkaTopic.class;
            case "kafka.strimzi.io/v1/KafkaUser":
                return KafkaUser.class;
            case "postgresql.cnpg.io/v1/Cluster":
                return CnpgCluster.class;
            default:
                if (apiVersion.contains("strimzi.io") || apiVersion.contains("cnpg.io")) {
                    throw new SchemaViolation("no model for " + apiVersion + " " + kind
                        + " (Strimzi resources must use kafka.strimzi.io/v1; the CloudNativePG models cover Cluster,"
                        + " ScheduledBackup and ObjectStore)");
                }
                // fabric8 resolves built-in kinds by apiVersion and kind; unknown ones come back generic
                String probe = "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\"}";
                KubernetesResource resolved = FABRIC8.unmarshal(probe, KubernetesResource.class);
                if (resolved == null || resolved instanceof GenericKubernetesResource) {
                    throw new SchemaViolation("no schema known for apiVersion " + apiVersion + ", kind " + kind);
                }
                return resolved.getClass();
        }
    }

    /** Validates one object; returns its typed form or throws with every problem found. */
    static Object validate(JsonNode object) throws SchemaViolation {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        String where = kind + "/" + object.path("metadata").path("name").asText("?");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new SchemaViolation(where + ": apiVersion and kind are required");
        }
        if (CrdSchemas.covers(apiVersion, kind)) {
            List<String> problems = CrdSchemas.problems(object);
            if (!problems.isEmpty()) {
                throw new SchemaViolation(where + " (" + apiVersion + ", upstream CRD schema " + CrdSchemas.FILES.get(apiVersion + "/" + kind)
                    + "):\n  " + String.join("\n  ", problems));
            }
            return new CrdSchemas.Validated(CrdSchemas.FILES.get(apiVersion + "/" + kind));
        }
        Class<?> type = modelOf(apiVersion, kind);
        Object typed;
        try {
            typed = STRICT.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw new SchemaViolation(where + " (" + apiVersion + ", model " + type.getName() + "): "
                + describe(e));
        }
        List<String> problems = new ArrayList<>();
        JsonNode written = STRICT.valueToTree(typed);
        roundTrip(object, written, "", problems);
        requiredFields(STRICT.constructType(type), object, "", problems);
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            ApiVersion version = ApiVersion.parse(apiVersion.substring(apiVersion.indexOf('/') + 1));
            strimziVersions(typed, object, version, "", problems);
        }
        if (!problems.isEmpty()) {
            throw new SchemaViolation(where + " (" + apiVersion + ", model " + type.getName() + "):\n  "
                + String.join("\n  ", problems));
        }
        return typed;
    }

    static String describe(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException jme) {
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(", not marked as ignorable");
        if (cut > 0) {
            // Jackson lists every known property after this; keep the message readable
            int known = message.indexOf(" known properties: ");
            message = message.substring(0, cut) + (known > 0 ? "; known:" + message.substring(known + 18) : "");
        }
        return "at " + (path.length() == 0 ? "(root)" : path.toString()) + ": " + message.replace('\n', ' ');
    }

    /** Every value of the input must come out of the typed model as it went in. */
    static void roundTrip(JsonNode in, JsonNode out, String path, List<String> problems) {
        if (in.isObject()) {
            if (!out.isObject()) {
                problems.add("at " + path + ": an object went in, " + out.getNodeType() + " came out");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (path.isEmpty() && (e.getKey().equals("apiVersion") || e.getKey().equals("kind"))) {
                    // chose the model (modelOf); Strimzi's classes write their default version back
                    continue;
                }
                JsonNode o = out.get(e.getKey());
                String p = path + "." + e.getKey();
                if (o == null || o.isNull()) {
                    problems.add("at " + p + ": the model dropped the value " + e.getValue());
                } else {
                    roundTrip(e.getValue(), o, p, problems);
                }
            }
        } else if (in.isArray()) {
            if (!out.isArray() || out.size() != in.size()) {
                problems.add("at " + path + ": the list " + in + " came out as " + out);
                return;
            }
            for (int i = 0; i < in.size(); i++) {
                roundTrip(in.get(i), out.get(i), path + "[" + i + "]", problems);
            }
        } else if (in.isNumber() && out.isNumber()) {
            if (new BigDecimal(in.asText()).compareTo(new BigDecimal(out.asText())) != 0) {
                problems.add("at " + path + ": " + in + " came out as " + out);
            }
        } else if (!in.equals(out) && !(in.isTextual() && out.isTextual() && in.asText().equals(out.asText()))) {
            problems.add("at " + path + ": " + in + " (" + in.getNodeType() + ") came out as " + out
                + " (" + out.getNodeType() + ")");
        }
    }

    /** Every property a model marks {@code @JsonProperty(required = true)} is present, at any depth. */
    static void requiredFields(JavaType type, JsonNode in, String path, List<String> problems) {
        if (in == null || in.isNull() || in.isMissingNode()) {
            return;
        }
        if (type.isContainerType()) {
            JavaType content = type.getContentType();
            if (type.isMapLikeType() && in.isObject()) {
                in.fields().forEachRemaining(e -> requiredFields(content, e.getValue(), path + "." + e.getKey(), problems));
            } else if (in.isArray()) {
                for (int i = 0; i < in.size(); i++) {
                    requiredFields(content, in.get(i), path + "[" + i + "]", problems);
                }
            }
            return;
        }
        Class<?> raw = type.getRawClass();
        if (!in.isObject() || raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.")) {
            return;
        }
        BeanDescription bean = STRICT.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition p : bean.findProperties()) {
            JsonNode child = in.get(p.getName());
            if (p.isRequired() && (child == null || child.isNull())) {
                problems.add("at " + path + "." + p.getName() + ": required by the model, missing");
            }
            if (child != null && p.getPrimaryType() != null) {
                requiredFields(p.getPrimaryType(), child, path + "." + p.getName(), problems);
            }
        }
    }

    /** Strimzi's model serves several API versions; its annotations say which field is in which. */
    static void strimziVersions(Object value, JsonNode input, ApiVersion version, String path, List<String> problems) {
        if (value == null || input == null || input.isNull() || input.isMissingNode()) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object element : c) {
                strimziVersions(element, input.get(i), version, path + "[" + i + "]", problems);
                i++;
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                strimziVersions(e.getValue(), input.get(String.valueOf(e.getKey())), version, path + "." + e.getKey(), problems);
            }
            return;
        }
        Class<?> c = value.getClass();
        if (!c.getName().startsWith("io.strimzi.") || c.isEnum()) {
            return;
        }
        BeanDescription bean = STRICT.getDeserializationConfig().introspect(STRICT.constructType(c));
        for (BeanPropertyDefinition p : bean.findProperties()) {
            JsonNode child = input.get(p.getName());
            if (child == null) {
                continue;
            }
            String at = path + "." + p.getName();
            for (AnnotatedMember member : new AnnotatedMember[] {p.getGetter(), p.getSetter(), p.getField()}) {
                if (member == null) {
                    continue;
                }
                PresentInVersions present = member.getAnnotation(PresentInVersions.class);
                if (present != null) {
                    VersionRange<ApiVersion> range = ApiVersion.parseRange(present.value());
                    if (!range.contains(version)) {
                        problems.add("at " + at + ": not part of API version " + version + " (only " + present.value() + ")");
                        break;
                    }
                }
                DeprecatedProperty deprecated = member.getAnnotation(DeprecatedProperty.class);
                if (deprecated != null) {
                    problems.add("at " + at + ": deprecated" + (deprecated.movedToPath().isEmpty() ? "" : ", use " + deprecated.movedToPath()));
                    break;
                }
            }
            if (p.getGetter() != null) {
                strimziVersions(p.getGetter().getValue(value), child, version, at, problems);
            }
        }
    }
}
