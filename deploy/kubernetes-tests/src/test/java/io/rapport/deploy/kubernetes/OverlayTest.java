package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each overlay renders to, and what makes dev small and prod highly available. */
class OverlayTest {

    @ParameterizedTest(name = "overlays/{0} renders everything into one namespace")
    @ValueSource(strings = {"dev", "prod"})
    void rendersTheWholeSystem(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        Map<String, Integer> kinds = new TreeMap<>();
        objects.forEach(o -> kinds.merge(Manifests.kind(o), 1, Integer::sum));
        System.out.println("[render] overlays/" + overlay + ": " + objects.size() + " objects " + kinds);
        assertEquals(Map.ofEntries(Map.entry("Namespace", 1), Map.entry("Deployment", 4), Map.entry("Service", 4),
            Map.entry("ServiceAccount", 4), Map.entry("ConfigMap", 8), Map.entry("PodDisruptionBudget", 4),
            Map.entry("HorizontalPodAutoscaler", 2), Map.entry("HTTPRoute", 2), Map.entry("ReferenceGrant", 1),
            Map.entry("Certificate", 1), Map.entry("NetworkPolicy", 16),
            Map.entry("Kafka", 1), Map.entry("KafkaNodePool", 1), Map.entry("KafkaTopic", 4), Map.entry("KafkaUser", 3),
            Map.entry("Cluster", 3), Map.entry("ObjectStore", 1), Map.entry("ScheduledBackup", 3),
            Map.entry("PodMonitor", 3), Map.entry("PrometheusRule", 1)), kinds);
        String namespace = overlay.equals("dev") ? "rapport-dev" : "rapport";
        for (ObjectNode o : objects) {
            if (Manifests.kind(o).equals("Namespace")) {
                assertEquals(namespace, Manifests.name(o));
                assertEquals("restricted", o.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
            } else {
                assertEquals(namespace, Manifests.namespace(o), Manifests.id(o));
                assertEquals("rapport", o.at("/metadata/labels/app.kubernetes.io~1part-of").asText(), Manifests.id(o));
            }
        }
    }

    @Test
    void devIsOneOfEverything() {
        List<ObjectNode> objects = Kustomize.overlay("dev");
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            assertEquals(1, Manifests.minReplicas(objects, d), Manifests.id(d));
        }
        assertEquals(1, Manifests.get(objects, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        for (ObjectNode c : Manifests.ofKind(objects, "Cluster")) {
            assertEquals(1, c.at("/spec/instances").asInt(), Manifests.id(c));
        }
        assertTrue(Manifests.get(objects, "Deployment", "gateway").at("/spec/template/spec/containers/0/image").asText().endsWith(":0.1.0-SNAPSHOT"));
    }

    @Test
    void prodIsHighlyAvailable() {
        List<ObjectNode> objects = Kustomize.overlay("prod");
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            String name = Manifests.name(d);
            assertTrue(Manifests.minReplicas(objects, d) >= 2, Manifests.id(d) + " has fewer than 2 replicas");
            JsonNode pod = Manifests.podSpec(d);
            Set<String> spreadKeys = new java.util.HashSet<>();
            for (JsonNode c : pod.path("topologySpreadConstraints")) {
                assertTrue(Manifests.selects(c.path("labelSelector"), Manifests.podLabels(d)), name + ": spread over other pods");
                spreadKeys.add(c.path("topologyKey").asText() + "=" + c.path("whenUnsatisfiable").asText());
            }
            assertTrue(spreadKeys.contains("kubernetes.io/hostname=DoNotSchedule"), name + ": two replicas may share a node");
            assertTrue(spreadKeys.contains("topology.kubernetes.io/zone=ScheduleAnyway"), name + ": not spread over zones");
            assertFalse(pod.at("/affinity/podAntiAffinity").isMissingNode(), name + ": no anti-affinity");
            assertEquals("maxUnavailable=1", "maxUnavailable=" + Manifests.get(objects, "PodDisruptionBudget", name).at("/spec/maxUnavailable").asInt());
        }
        assertEquals(3, Manifests.get(objects, "KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        assertEquals("topology.kubernetes.io/zone", Manifests.get(objects, "Kafka", "rapport-kafka").at("/spec/kafka/rack/topologyKey").asText());
        assertEquals(2, Manifests.get(objects, "Kafka", "rapport-kafka").at("/spec/kafka/config/min.insync.replicas").asInt());
        for (ObjectNode c : Manifests.ofKind(objects, "Cluster")) {
            assertEquals(3, c.at("/spec/instances").asInt(), Manifests.id(c));
            assertEquals("required", c.at("/spec/affinity/podAntiAffinityType").asText(), Manifests.id(c));
        }
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            String image = d.at("/spec/template/spec/containers/0/image").asText();
            assertTrue(image.matches("registry\\.example\\.com/rapport/" + Manifests.name(d) + "@sha256:[0-9a-f]{64}"),
                Manifests.id(d) + " runs " + image + ", not an image by digest");
        }
    }

    @Test
    void theSpreadConstraintsHonourTaints() {
        for (String overlay : Kustomize.OVERLAYS) {
            List<ObjectNode> objects = Kustomize.overlay(overlay);
            List<JsonNode> constraints = new java.util.ArrayList<>();
            Manifests.ofKind(objects, "Deployment").forEach(d -> Manifests.podSpec(d).path("topologySpreadConstraints").forEach(constraints::add));
            objects.stream().filter(o -> Manifests.kind(o).equals("KafkaNodePool"))
                .forEach(p -> p.at("/spec/template/pod/topologySpreadConstraints").forEach(constraints::add));
            assertEquals(overlay.equals("prod"), !constraints.isEmpty(), overlay + " spreads its pods");
            for (JsonNode c : constraints) {
                assertEquals("Honor", c.path("nodeTaintsPolicy").asText(), overlay + ": " + c);
            }
        }
    }
}
