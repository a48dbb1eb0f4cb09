package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may connect to whom, evaluated from the rendered NetworkPolicies with Kubernetes'
 * semantics (a pod selected by any ingress policy accepts only what some selecting policy
 * allows; peers by pod selector in the policy's namespace and/or namespace selector; ports by
 * number or container-port name). Only ingress is modelled; the rendered policies have no
 * egress rules and no ipBlocks, which the test asserts.
 */
class NetworkPolicyTest {

    /** A pod: where it runs, its labels and its named ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    static final Pod INGRESS_CONTROLLER = new Pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    static final Pod PROMETHEUS = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    static final Pod CNPG_OPERATOR = new Pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    static final Pod OTHER_NAMESPACE = new Pod("default", Map.of("app", "curl"), Map.of());

    @ParameterizedTest(name = "overlays/{0}: only the gateway is reachable from the ingress controller; services only from the gateway")
    @ValueSource(strings = {"dev", "prod"})
    void whoReachesWhom(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        String ns = Manifests.namespace(Manifests.get(objects, "Deployment", "gateway"));
        Map<String, Pod> app = new HashMap<>();
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            Map<String, Integer> ports = new HashMap<>();
            Manifests.containers(d).forEach(c -> c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt())));
            app.put(Manifests.name(d), new Pod(ns, Manifests.podLabels(d), ports));
        }
        Pod gateway = app.get("gateway");
        Pod somePodInTheNamespace = new Pod(ns, Map.of("app", "debug"), Map.of());
        Pod contactsDb = new Pod(ns, Map.of("cnpg.io/cluster", "contacts-db"), Map.of());
        Pod kafka = new Pod(ns, Map.of("strimzi.io/cluster", "rapport-kafka", "strimzi.io/kind", "Kafka"), Map.of());

        Policies policies = new Policies(objects);
        assertTrue(policies.allows(INGRESS_CONTROLLER, gateway, 8080), "ingress controller -> gateway");
        int management = gateway.ports().get("management");
        assertTrue(policies.allows(PROMETHEUS, gateway, management), "metrics scraper -> gateway management port");
        assertFalse(policies.allows(PROMETHEUS, gateway, 8080), "metrics scraper -> gateway API port");
        assertFalse(policies.allows(INGRESS_CONTROLLER, gateway, management), "ingress controller -> gateway management port");
        assertFalse(policies.allows(OTHER_NAMESPACE, gateway, 8080), "another namespace -> gateway");
        assertFalse(policies.allows(somePodInTheNamespace, gateway, 8080), "another pod of the namespace -> gateway");
        for (String service : List.of("contacts-service", "engagement-service", "analytics-service")) {
            Pod target = app.get(service);
            int port = target.ports().get("http");
            assertTrue(policies.allows(gateway, target, port), "gateway -> " + service);
            int targetManagement = target.ports().get("management");
            assertTrue(policies.allows(PROMETHEUS, target, targetManagement), "metrics scraper -> " + service + " management port");
            assertFalse(policies.allows(PROMETHEUS, target, port), "metrics scraper -> " + service + " API port");
            assertFalse(policies.allows(gateway, target, targetManagement), "gateway -> " + service + " management port");
            assertFalse(policies.allows(INGRESS_CONTROLLER, target, port), "ingress controller -> " + service);
            assertFalse(policies.allows(somePodInTheNamespace, target, port), "another pod -> " + service);
            assertFalse(policies.allows(OTHER_NAMESPACE, target, port), "another namespace -> " + service);
            assertFalse(policies.allows(gateway, target, port + 1000), "gateway -> " + service + " on another port");
            for (String other : List.of("contacts-service", "engagement-service", "analytics-service")) {
                if (!other.equals(service)) {
                    assertFalse(policies.allows(app.get(other), target, port), other + " -> " + service);
                }
            }
        }
        // each database: its service, its own instances and the operator only
        assertTrue(policies.allows(app.get("contacts-service"), contactsDb, 5432), "contacts-service -> contacts-db");
        assertTrue(policies.allows(contactsDb, contactsDb, 5432), "replication within contacts-db");
        assertTrue(policies.allows(CNPG_OPERATOR, contactsDb, 8000), "operator -> contacts-db status");
        assertFalse(policies.allows(app.get("engagement-service"), contactsDb, 5432), "engagement-service -> contacts-db");
        assertFalse(policies.allows(gateway, contactsDb, 5432), "gateway -> contacts-db");
        assertFalse(policies.allows(somePodInTheNamespace, contactsDb, 5432), "another pod -> contacts-db");
        // Kafka's pods are not selected by these policies: Strimzi generates theirs from the listener
        assertTrue(policies.selecting(kafka).isEmpty(), "Rapport's policies must not select the Kafka pods");
    }

    @ParameterizedTest(name = "overlays/{0}: the Kafka listener admits exactly the three services")
    @ValueSource(strings = {"dev", "prod"})
    void kafkaListenerPeers(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        ObjectNode kafka = Manifests.get(objects, "Kafka", "rapport-kafka");
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            assertTrue(listener.has("networkPolicyPeers"), "listener " + listener.path("name") + " is open to every pod");
            for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
                boolean admitted = Manifests.list(listener.path("networkPolicyPeers")).stream()
                    .anyMatch(peer -> Manifests.selects(peer.path("podSelector"), Manifests.podLabels(d)));
                assertEquals(!Manifests.name(d).equals("gateway"), admitted, Manifests.id(d) + " admitted to Kafka: " + admitted);
            }
        }
    }

    @Test
    void theEvaluatorSeesAMissingDefaultDeny() {
        List<ObjectNode> objects = new ArrayList<>(Kustomize.overlay("prod"));
        ObjectNode open = Manifests.get(objects, "NetworkPolicy", "services-from-gateway").deepCopy();
        ((ObjectNode) open.at("/spec/ingress/0")).remove("from"); // from anywhere
        objects.removeIf(o -> Manifests.id(o).equals("NetworkPolicy/services-from-gateway"));
        objects.add(open);
        Policies policies = new Policies(objects);
        Pod contacts = new Pod("rapport", Manifests.podLabels(Manifests.get(objects, "Deployment", "contacts-service")), Map.of("http", 8081));
        assertTrue(policies.allows(OTHER_NAMESPACE, contacts, 8081), "a rule without from admits everyone");
    }

    /** Kubernetes' ingress NetworkPolicy semantics over the rendered policies. */
    static final class Policies {
        final List<JsonNode> policies;

        Policies(List<ObjectNode> objects) {
            policies = new ArrayList<>(Manifests.ofKind(objects, "NetworkPolicy"));
            for (JsonNode p : policies) {
                assertFalse(p.at("/spec/egress").size() > 0, "egress rules are not modelled: " + Manifests.id(p));
                p.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peer ->
                    assertFalse(peer.has("ipBlock"), "ipBlock peers are not modelled: " + Manifests.id(p))));
            }
        }

        List<JsonNode> selecting(Pod pod) {
            return policies.stream()
                .filter(p -> Manifests.namespace(p).equals(pod.namespace()))
                .filter(p -> Manifests.list(p.at("/spec/policyTypes")).stream().anyMatch(t -> t.asText().equals("Ingress"))
                    || p.at("/spec/policyTypes").isMissingNode())
                .filter(p -> p.at("/spec/podSelector").size() == 0 || Manifests.selects(p.at("/spec/podSelector"), pod.labels()))
                .toList();
        }

        boolean allows(Pod from, Pod to, int port) {
            List<JsonNode> selecting = selecting(to);
            if (selecting.isEmpty()) {
                return true; // not isolated
            }
            for (JsonNode p : selecting) {
                for (JsonNode rule : p.at("/spec/ingress")) {
                    if (peerMatches(rule.path("from"), p, from) && portMatches(rule.path("ports"), to, port)) {
                        return true;
                    }
                }
            }
            return false;
        }

        static boolean peerMatches(JsonNode peers, JsonNode policy, Pod from) {
            if (peers.isMissingNode() || peers.isEmpty()) {
                return true;
            }
            for (JsonNode peer : peers) {
                boolean hasPods = peer.has("podSelector");
                boolean hasNamespaces = peer.has("namespaceSelector");
                boolean namespaceOk = hasNamespaces
                    ? selectsAll(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", from.namespace()))
                    : from.namespace().equals(Manifests.namespace(policy));
                boolean podOk = !hasPods || selectsAll(peer.path("podSelector"), from.labels());
                if (namespaceOk && podOk) {
                    return true;
                }
            }
            return false;
        }

        /** An empty selector selects everything. */
        static boolean selectsAll(JsonNode selector, Map<String, String> labels) {
            return selector.size() == 0 || Manifests.selects(selector, labels);
        }

        static boolean portMatches(JsonNode ports, Pod to, int port) {
            if (ports.isMissingNode() || ports.isEmpty()) {
                return true;
            }
            for (JsonNode p : ports) {
                JsonNode value = p.path("port");
                if (value.isMissingNode()) {
                    return true;
                }
                int number = value.isInt() ? value.asInt() : to.ports().getOrDefault(value.asText(), -1);
                if (number == port) {
                    return true;
                }
            }
            return false;
        }
    }
}
