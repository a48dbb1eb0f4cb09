package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;

/** Every rendered object against its model; and proof that the check catches mistakes. */
class StrictSchemaTest {

    @ParameterizedTest(name = "{0}: every rendered object matches its model")
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "restore"})
    void everyRenderedObjectMatchesItsModel(String overlay) throws Exception {
        List<ObjectNode> objects = Kustomize.render(Kustomize.KUBERNETES.resolve(overlay));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> checked = new TreeMap<>();
        for (ObjectNode o : objects) {
            try {
                Object typed = StrictModel.validate(o);
                checked.merge(o.path("apiVersion").asText() + " " + Manifests.kind(o) + " -> " + typed.getClass().getName(), 1, Integer::sum);
            } catch (StrictModel.SchemaViolation e) {
                failures.add(e.getMessage());
            }
        }
        checked.forEach((k, n) -> System.out.println("[schema] " + overlay + ": " + n + " x " + k));
        assertTrue(failures.isEmpty(), "schema violations in overlays/" + overlay + ":\n" + String.join("\n", failures));
        assertEquals(objects.size(), checked.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theModelsAreTheRealOnes() throws Exception {
        // the rendered objects become fabric8's and Strimzi's classes, not a generic map
        List<ObjectNode> prod = Kustomize.overlay("prod");
        assertTrue(StrictModel.validate(Manifests.get(prod, "Deployment", "gateway")) instanceof Deployment);
        assertTrue(StrictModel.validate(Manifests.get(prod, "Kafka", "rapport-kafka")) instanceof Kafka);
        KafkaUser user = (KafkaUser) StrictModel.validate(Manifests.get(prod, "KafkaUser", "engagement-service"));
        assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType());
    }

    // ---- a misspelt field fails, at any depth, in every model ----

    @Test
    void aMisspeltFieldInADeploymentFails() {
        String message = violation("prod", "Deployment", "gateway", d ->
            rename(container(d), "readinessProbe", "readinesProbe"));
        System.out.println("[schema] misspelt field -> " + message);
        assertTrue(message.contains("Unrecognized field \"readinesProbe\""), message);
        assertTrue(message.contains("at .spec.template.spec.containers[0].readinesProbe"), message);
    }

    @Test
    void aMisspeltTopLevelSpecFieldFails() {
        String message = violation("prod", "Deployment", "contacts-service", d ->
            rename((ObjectNode) d.get("spec"), "replicas", "replica"));
        assertTrue(message.contains("Unrecognized field \"replica\""), message);
    }

    @Test
    void aMisspeltFieldInMetadataFails() {
        String message = violation("dev", "Service", "gateway", s ->
            rename((ObjectNode) s.get("metadata"), "labels", "label"));
        assertTrue(message.contains("Unrecognized field \"label\""), message);
    }

    @Test
    void aMisspeltFieldInAStrimziTopicFails() {
        String message = violation("prod", "KafkaTopic", "rapport.contacts.v1", t ->
            rename((ObjectNode) t.get("spec"), "partitions", "partitons"));
        System.out.println("[schema] misspelt Strimzi field -> " + message);
        assertTrue(message.contains("Unrecognized field \"partitons\""), message);
        assertTrue(message.contains("io.strimzi.api.kafka.model.topic.KafkaTopic"), message);
    }

    @Test
    void aMisspeltFieldDeepInAStrimziKafkaFails() {
        String message = violation("prod", "Kafka", "rapport-kafka", k ->
            rename((ObjectNode) k.at("/spec/kafka/listeners/0"), "networkPolicyPeers", "networkPolicyPeer"));
        assertTrue(message.contains("Unrecognized field \"networkPolicyPeer\""), message);
    }

    @Test
    void aMisspeltFieldInACloudNativePgClusterFails() {
        String message = violation("prod", "Cluster", "contacts-db", c ->
            rename((ObjectNode) c.at("/spec/bootstrap/initdb"), "owner", "ownr"));
        assertTrue(message.contains("Unrecognized field \"ownr\""), message);
    }

    // ---- wrong types fail ----

    @Test
    void aStringWhereKubernetesWantsANumberFails() {
        String message = violation("prod", "Deployment", "contacts-service", d ->
            ((ObjectNode) d.get("spec")).set("replicas", TextNode.valueOf("2")));
        assertTrue(message.contains("at .spec.replicas"), message);
    }

    @Test
    void aNumberWhereKubernetesWantsAStringFails() {
        String message = violation("prod", "Deployment", "gateway", d -> {
            ObjectNode env = ((ArrayNode) container(d).withArray("env")).addObject();
            env.put("name", "HTTP_PORT");
            env.put("value", 8080);
        });
        assertTrue(message.contains("at .spec.template.spec.containers[0].env[0].value"), message);
    }

    @Test
    void aNumberAsAnAnnotationValueFails() {
        String message = violation("prod", "Deployment", "gateway", d ->
            ((ObjectNode) d.at("/spec/template/metadata/annotations")).set("prometheus.io/port", IntNode.valueOf(8080)));
        assertTrue(message.contains("prometheus.io/port"), message);
    }

    @Test
    void anUnknownEnumValueFails() {
        String message = violation("prod", "Kafka", "rapport-kafka", k ->
            ((ObjectNode) k.at("/spec/kafka/listeners/0")).put("type", "internals"));
        assertTrue(message.contains("internals"), message);
        String acl = violation("prod", "KafkaUser", "contacts-service", u ->
            ((ArrayNode) u.at("/spec/authorization/acls/0/operations")).set(0, TextNode.valueOf("Wirte")));
        assertTrue(acl.contains("operations"), acl);
        String cnpg = violation("prod", "Cluster", "contacts-db", c ->
            ((ObjectNode) c.at("/spec/affinity")).put("podAntiAffinityType", "requried"));
        assertTrue(cnpg.contains("requried"), cnpg);
    }

    // ---- Strimzi API versions ----

    @Test
    void aFieldThatIsNotInStrimziV1Fails() {
        // KafkaUser ACLs had "operation" up to v1beta2; v1 only has "operations"
        String message = violation("prod", "KafkaUser", "contacts-service", u ->
            ((ObjectNode) u.at("/spec/authorization/acls/0")).put("operation", "Write"));
        System.out.println("[schema] v1beta2-only field in v1 -> " + message);
        assertTrue(message.contains("at .spec.authorization.acls[0].operation: not part of API version v1"), message);
    }

    @Test
    void anOldStrimziApiVersionFails() {
        String message = violation("prod", "KafkaTopic", "rapport.contacts.v1", t ->
            t.put("apiVersion", "kafka.strimzi.io/v1beta2"));
        assertTrue(message.contains("no model for kafka.strimzi.io/v1beta2 KafkaTopic"), message);
    }

    @Test
    void aKindWithoutAModelFails() {
        ObjectNode widget = StrictModel.STRICT.createObjectNode();
        widget.put("apiVersion", "example.com/v1").put("kind", "Widget").putObject("metadata").put("name", "x");
        StrictModel.SchemaViolation e = assertThrows(StrictModel.SchemaViolation.class, () -> StrictModel.validate(widget));
        assertTrue(e.getMessage().contains("no schema known for apiVersion example.com/v1, kind Widget"), e.getMessage());
        ObjectNode pooler = StrictModel.STRICT.createObjectNode();
        pooler.put("apiVersion", "postgresql.cnpg.io/v1").put("kind", "Pooler").putObject("metadata").put("name", "x");
        e = assertThrows(StrictModel.SchemaViolation.class, () -> StrictModel.validate(pooler));
        assertTrue(e.getMessage().contains("no model for postgresql.cnpg.io/v1 Pooler"), e.getMessage());
    }

    // ---- end to end: a typo in a manifest, rendered by Kustomize, fails the check ----

    @Test
    void aTypoInAManifestFailsAfterRendering() throws IOException {
        Path overlay = Path.of("target/typo-overlay");
        Files.createDirectories(overlay);
        Path base = overlay.toAbsolutePath().relativize(Kustomize.KUBERNETES.resolve("overlays/prod"));
        Files.writeString(overlay.resolve("kustomization.yaml"), String.join("\n",
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "resources:",
            "  - " + base,
            "patches:",
            "  - path: typo.yaml",
            ""));
        Files.writeString(overlay.resolve("typo.yaml"), String.join("\n",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  name: analytics-service",
            "spec:",
            "  template:",
            "    spec:",
            "      containers:",
            "        - name: analytics-service",
            "          livenesProbe:",
            "            httpGet:",
            "              path: /q/health/live",
            "              port: http",
            ""));
        List<ObjectNode> objects = Kustomize.parse(Kustomize.build(overlay));
        ObjectNode deployment = Manifests.get(objects, "Deployment", "analytics-service");
        StrictModel.SchemaViolation e = assertThrows(StrictModel.SchemaViolation.class, () -> StrictModel.validate(deployment));
        System.out.println("[schema] typo rendered by Kustomize -> " + e.getMessage());
        assertTrue(e.getMessage().contains("Unrecognized field \"livenesProbe\""), e.getMessage());
    }

    // ---- helpers ----

    /** Validates a changed copy of a rendered object and returns the violation message. */
    static String violation(String overlay, String kind, String name, Consumer<ObjectNode> change) {
        ObjectNode copy = Manifests.get(Kustomize.overlay(overlay), kind, name).deepCopy();
        try {
            StrictModel.validate(copy);
        } catch (StrictModel.SchemaViolation e) {
            fail("the unchanged " + kind + "/" + name + " must pass first: " + e.getMessage());
        }
        change.accept(copy);
        StrictModel.SchemaViolation e = assertThrows(StrictModel.SchemaViolation.class, () -> StrictModel.validate(copy),
            "the changed " + kind + "/" + name + " passed");
        return e.getMessage();
    }

    static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.at("/spec/template/spec/containers/0");
    }

    static void rename(ObjectNode node, String from, String to) {
        assertTrue(node.has(from), "no field " + from + " in " + node);
        node.set(to, node.remove(from));
    }
}
