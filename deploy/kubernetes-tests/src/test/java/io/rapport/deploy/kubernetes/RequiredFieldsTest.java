package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Required fields, types and enums of every rendered Kubernetes, prometheus-operator, Gateway API and
 * cert-manager object, against the kubernetes-models schemas (npm; generated from Kubernetes' OpenAPI
 * document and from those projects' CRDs), run with Node by required-fields/run.sh. The strict Java
 * models catch unknown fields; these schemas catch what is missing. Strimzi and CloudNativePG objects
 * are left to their own models and schemas ({@link StrictModel}).
 */
class RequiredFieldsTest {

    static final Path TOOL = Kustomize.ROOT.resolve("deploy/kubernetes-tests/required-fields/run.sh");

    record Result(String id, String model, List<String> errors) {
    }

    @ParameterizedTest(name = "{0}: every object has its required fields")
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "restore"})
    void everyRenderedObjectHasItsRequiredFields(String dir) {
        List<ObjectNode> objects = Kustomize.render(Kustomize.KUBERNETES.resolve(dir));
        List<Result> results = validate(objects, dir.replace('/', '-'));
        assertEquals(objects.size(), results.size());
        List<String> failures = new ArrayList<>();
        Map<String, Integer> models = new TreeMap<>();
        for (Result r : results) {
            models.merge(String.valueOf(r.model()), 1, Integer::sum);
            if (!r.errors().isEmpty()) {
                failures.add(r.id() + " (" + r.model() + "): " + String.join("; ", r.errors()));
            }
            boolean leftToJava = r.model() == null;
            String kind = r.id().substring(0, r.id().indexOf('/'));
            assertEquals(List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "ScheduledBackup", "ObjectStore")
                .contains(kind), leftToJava, r.id() + " validated by " + r.model());
        }
        models.forEach((m, n) -> System.out.println("[required] " + dir + ": " + n + " x " + m));
        assertTrue(failures.isEmpty(), "missing or wrong fields in " + dir + ":\n" + String.join("\n", failures));
    }

    @Test
    void aMissingRequiredFieldFailsInEveryNewKind() {
        List<ObjectNode> prod = Kustomize.overlay("prod");
        Map<String, String> expected = new TreeMap<>();
        List<ObjectNode> broken = new ArrayList<>();
        broken.add(change(prod, "PodMonitor", "rapport-services", o -> ((ObjectNode) o.get("spec")).remove("selector")));
        expected.put("PodMonitor/rapport-services", "/spec must have required property selector");
        broken.add(change(prod, "PrometheusRule", "rapport-alerts", o -> ((ObjectNode) o.at("/spec/groups/0/rules/0")).remove("expr")));
        expected.put("PrometheusRule/rapport-alerts", "/spec/groups/0/rules/0 must have required property expr");
        broken.add(change(prod, "HTTPRoute", "gateway", o -> ((ObjectNode) o.at("/spec/rules/0/backendRefs/0")).remove("name")));
        expected.put("HTTPRoute/gateway", "/spec/rules/0/backendRefs/0 must have required property name");
        broken.add(change(prod, "ReferenceGrant", "gateway-tls-to-edge", o -> ((ObjectNode) o.at("/spec/from/0")).remove("namespace")));
        expected.put("ReferenceGrant/gateway-tls-to-edge", "/spec/from/0 must have required property namespace");
        broken.add(change(prod, "Certificate", "rapport-gateway-tls", o -> ((ObjectNode) o.get("spec")).remove("issuerRef")));
        expected.put("Certificate/rapport-gateway-tls", "/spec must have required property issuerRef");
        broken.add(change(prod, "Deployment", "gateway", o -> ((ObjectNode) o.at("/spec/template/spec/containers/0")).remove("name")));
        expected.put("Deployment/gateway", "/spec/template/spec/containers/0 must have required property name");
        broken.add(change(prod, "NetworkPolicy", "token-issuer-egress", o -> ((ObjectNode) o.at("/spec/egress/0/to/0/ipBlock")).remove("cidr")));
        expected.put("NetworkPolicy/token-issuer-egress", "/spec/egress/0/to/0/ipBlock must have required property cidr");

        List<Result> results = validate(broken, "broken");
        assertEquals(expected.size(), results.size());
        for (Result r : results) {
            System.out.println("[required] broken " + r.id() + " -> " + r.errors());
            String want = expected.get(r.id());
            assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(want)), r.id() + ": expected '" + want + "' in " + r.errors());
        }
    }

    @Test
    void aWrongEnumValueFailsToo() {
        ObjectNode route = change(Kustomize.overlay("prod"), "HTTPRoute", "gateway",
            o -> ((ObjectNode) o.at("/spec/rules/0/matches/0/path")).put("type", "Prefix"));
        List<Result> results = validate(List.of(route), "enum");
        assertTrue(results.get(0).errors().stream().anyMatch(e -> e.startsWith("/spec/rules/0/matches/0/path/type must be equal to one of")),
            results.get(0).errors().toString());
    }

    static ObjectNode change(List<ObjectNode> objects, String kind, String name, Consumer<ObjectNode> change) {
        ObjectNode copy = Manifests.get(objects, kind, name).deepCopy();
        change.accept(copy);
        return copy;
    }

    static List<Result> validate(List<ObjectNode> objects, String label) {
        try {
            Path dir = Files.createDirectories(Path.of("target/required-fields"));
            Path file = dir.resolve(label + ".json");
            StrictModel.STRICT.writeValue(file.toFile(), objects);
            Kustomize.Result r = Kustomize.run(List.of("bash", TOOL.toString(), file.toString()));
            if (r.exit() != 0) {
                throw new AssertionError(TOOL + " failed (" + r.exit() + "):\n" + r.stderr());
            }
            List<Result> out = new ArrayList<>();
            for (JsonNode n : StrictModel.STRICT.readTree(r.stdout())) {
                List<String> errors = new ArrayList<>();
                n.path("errors").forEach(e -> errors.add(e.asText()));
                out.add(new Result(n.path("id").asText(), n.path("model").isNull() ? null : n.path("model").asText(), errors));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
