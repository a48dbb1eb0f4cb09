package io.rapport.deploy.kubernetes;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers over rendered objects (plain JSON trees). */
final class Manifests {

    /** The four services, as the module directory, the Deployment and the image name call them. */
    static final List<String> SERVICES = List.of("gateway", "contacts-service", "engagement-service", "analytics-service");

    private Manifests() {
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode o) {
        return o.path("metadata").path("namespace").asText();
    }

    static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).collect(Collectors.toList());
    }

    static Optional<ObjectNode> find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).findFirst();
    }

    static ObjectNode get(List<ObjectNode> objects, String kind, String name) {
        return find(objects, kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Pod spec of a Deployment. */
    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return strings(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    /** Containers and init containers of a Deployment. */
    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> out = new ArrayList<>(list(podSpec(deployment).path("containers")));
        out.addAll(list(podSpec(deployment).path("initContainers")));
        return out;
    }

    /** Does a LabelSelector (matchLabels and matchExpressions) select these labels? */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Map.Entry<String, String> e : strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = list(expr.path("values")).stream().map(JsonNode::asText).toList();
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator in " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Minimum replicas of a Deployment: its HorizontalPodAutoscaler's minReplicas, else spec.replicas (default 1). */
    static int minReplicas(List<ObjectNode> objects, JsonNode deployment) {
        Optional<ObjectNode> hpa = hpaFor(objects, deployment);
        if (hpa.isPresent()) {
            return hpa.get().path("spec").path("minReplicas").asInt(1);
        }
        return deployment.path("spec").path("replicas").asInt(1);
    }

    static Optional<ObjectNode> hpaFor(List<ObjectNode> objects, JsonNode deployment) {
        return ofKind(objects, "HorizontalPodAutoscaler").stream()
            .filter(h -> "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asText())
                && name(deployment).equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
            .findFirst();
    }
}
