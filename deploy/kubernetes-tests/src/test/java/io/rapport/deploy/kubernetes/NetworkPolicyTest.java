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
 * Who may connect to whom, evaluated from the rendered NetworkPolicies with Kubernetes' semantics, in
 * both directions: a connection needs the source's egress and the destination's ingress (a pod selected
 * by any policy of a direction accepts only what some selecting policy of that direction allows; peers
 * by pod selector in the policy's namespace and/or namespace selector, or by ipBlock for addresses
 * outside the cluster; ports by number or the destination's container-port name). Ingress to the Kafka
 * brokers is the policy Strimzi generates from the listeners, which is not rendered here.
 */
class NetworkPolicyTest {

    /** A pod: where it runs, its labels and its named ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    static final Pod INGRESS_CONTROLLER = new Pod("gateway-system", Map.of("gateway.networking.k8s.io/gateway-name", "rapport-edge"), Map.of());
    static final Pod KUBE_DNS = new Pod("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    static final Pod PROMETHEUS = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    static final Pod CNPG_OPERATOR = new Pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    static final Pod OTHER_NAMESPACE = new Pod("default", Map.of("app", "curl"), Map.of());

    @ParameterizedTest(name = "overlays/{0}: only the gateway is reachable from the Gateway's data plane; services only from the gateway")
    @ValueSource(strings = {"dev", "prod"})
    void whoReachesWhom(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        String ns = Manifests.namespace(Manifests.get(objects, "Deployment", "gateway"));
        Map<String, Pod> app = deploymentPods(objects, ns);
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
        // the namespace-wide default deny covers the Kafka pods too; Strimzi's own policy admits the listener
        assertFalse(policies.selecting(kafka).isEmpty(), "the default deny covers the Kafka pods");
        assertTrue(policies.allows(PROMETHEUS, kafka, 9404), "metrics scraper -> Kafka metrics");
    }

    @ParameterizedTest(name = "overlays/{0}: egress only to DNS, Kafka, the service's own PostgreSQL and the token issuer")
    @ValueSource(strings = {"dev", "prod"})
    void whatThePodsReach(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        String ns = Manifests.namespace(Manifests.get(objects, "Deployment", "gateway"));
        Map<String, Pod> app = deploymentPods(objects, ns);
        Pod kafka = new Pod(ns, Map.of("strimzi.io/cluster", "rapport-kafka", "strimzi.io/kind", "Kafka",
            "strimzi.io/broker-role", "true"), Map.of());
        Pod exporter = new Pod(ns, Map.of("strimzi.io/cluster", "rapport-kafka", "strimzi.io/kind", "Kafka",
            "strimzi.io/name", "rapport-kafka-kafka-exporter"), Map.of());
        Pod somePod = new Pod(ns, Map.of("app", "debug"), Map.of());
        String issuer = Manifests.get(objects, "NetworkPolicy", "token-issuer-egress").at("/spec/egress/0/to/0/ipBlock/cidr").asText();
        String issuerAddress = issuer.substring(0, issuer.indexOf('/'));
        Policies policies = new Policies(objects);
        for (Map.Entry<String, Pod> e : app.entrySet()) {
            String name = e.getKey();
            Pod pod = e.getValue();
            assertTrue(policies.egressAllows(pod, KUBE_DNS, 53), name + " -> DNS");
            assertTrue(policies.egressAllowsAddress(pod, issuerAddress, 443), name + " -> token issuer");
            assertFalse(policies.egressAllowsAddress(pod, "203.0.113.7", 443), name + " -> anywhere else on 443");
            assertFalse(policies.egressAllowsAddress(pod, issuerAddress, 80), name + " -> the issuer on another port");
            boolean isService = !name.equals("gateway");
            assertEquals(isService, policies.egressAllows(pod, kafka, 9093), name + " -> Kafka's TLS listener");
            assertFalse(policies.egressAllows(pod, kafka, 9091), name + " -> Kafka's replication port");
            for (String db : List.of("contacts-db", "engagement-db", "analytics-db")) {
                Pod instance = new Pod(ns, Map.of("cnpg.io/cluster", db), Map.of());
                boolean own = db.equals(name.replace("-service", "-db"));
                assertEquals(own, policies.allows(pod, instance, 5432), name + " -> " + db);
            }
        }
        assertFalse(policies.egressAllows(somePod, kafka, 9093), "another pod -> Kafka");
        assertFalse(policies.egressAllowsAddress(somePod, "203.0.113.7", 443), "another pod -> outside");
        assertTrue(policies.egressAllows(somePod, KUBE_DNS, 53), "every pod resolves names");
        // the operators' pods: PostgreSQL reaches its own instances, the API server and the object store
        Pod contactsDb = new Pod(ns, Map.of("cnpg.io/cluster", "contacts-db"), Map.of());
        Pod engagementDb = new Pod(ns, Map.of("cnpg.io/cluster", "engagement-db"), Map.of());
        assertTrue(policies.allows(contactsDb, contactsDb, 5432), "replication within contacts-db");
        assertTrue(policies.egressAllowsAddress(contactsDb, "198.51.100.20", 443), "contacts-db -> object store / API");
        assertFalse(policies.allows(contactsDb, engagementDb, 5432), "contacts-db -> engagement-db");
        assertTrue(policies.egressAllows(exporter, kafka, 9091), "Kafka exporter -> brokers");
        assertFalse(policies.egressAllows(kafka, app.get("contacts-service"), 8081), "Kafka -> a service");
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

    /** The pods of the Deployments, by name: labels and named container ports. */
    static Map<String, Pod> deploymentPods(List<ObjectNode> objects, String ns) {
        Map<String, Pod> app = new HashMap<>();
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            Map<String, Integer> ports = new HashMap<>();
            Manifests.containers(d).forEach(c -> c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt())));
            app.put(Manifests.name(d), new Pod(ns, Manifests.podLabels(d), ports));
        }
        return app;
    }

    /** Kubernetes' NetworkPolicy semantics, both directions, over the rendered policies. */
    static final class Policies {
        final List<JsonNode> policies;

        Policies(List<ObjectNode> objects) {
            policies = new ArrayList<>(Manifests.ofKind(objects, "NetworkPolicy"));
            for (JsonNode p : policies) {
                p.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peer ->
                    assertFalse(peer.has("ipBlock"), "ipBlock ingress peers are not modelled: " + Manifests.id(p))));
            }
        }

        List<JsonNode> selecting(Pod pod) {
            return selecting(pod, "Ingress");
        }

        List<JsonNode> selecting(Pod pod, String direction) {
            return policies.stream()
                .filter(p -> Manifests.namespace(p).equals(pod.namespace()))
                .filter(p -> Manifests.list(p.at("/spec/policyTypes")).stream().anyMatch(t -> t.asText().equals(direction))
                    || p.at("/spec/policyTypes").isMissingNode() && direction.equals("Ingress"))
                .filter(p -> p.at("/spec/podSelector").size() == 0 || Manifests.selects(p.at("/spec/podSelector"), pod.labels()))
                .toList();
        }

        /** Both ends agree: the source's egress and the destination's ingress. */
        boolean allows(Pod from, Pod to, int port) {
            return egressAllows(from, to, port) && ingressAllows(from, to, port);
        }

        boolean ingressAllows(Pod from, Pod to, int port) {
            List<JsonNode> selecting = selecting(to, "Ingress");
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

        boolean egressAllows(Pod from, Pod to, int port) {
            return egressAllows(from, to, port, (policy, peer) -> !peer.has("ipBlock") && peerMatches(List.of(peer), policy, to));
        }

        /** An address outside the cluster (an IPv4 address): only ipBlock peers or rules without peers admit it. */
        boolean egressAllowsAddress(Pod from, String address, int port) {
            return egressAllows(from, new Pod("", Map.of(), Map.of()), port, (policy, peer) -> peer.has("ipBlock")
                && inCidr(address, peer.at("/ipBlock/cidr").asText())
                && Manifests.list(peer.at("/ipBlock/except")).stream().noneMatch(x -> inCidr(address, x.asText())));
        }

        /** Some egress rule of a policy selecting the source admits the port and, through one of its peers, the destination. */
        boolean egressAllows(Pod from, Pod to, int port, java.util.function.BiPredicate<JsonNode, JsonNode> peerAdmits) {
            List<JsonNode> selecting = selecting(from, "Egress");
            if (selecting.isEmpty()) {
                return true;
            }
            for (JsonNode p : selecting) {
                for (JsonNode rule : p.at("/spec/egress")) {
                    JsonNode peers = rule.path("to");
                    boolean peerOk = peers.isMissingNode() || peers.isEmpty()
                        || Manifests.list(peers).stream().anyMatch(peer -> peerAdmits.test(p, peer));
                    if (peerOk && portMatches(rule.path("ports"), to, port)) {
                        return true;
                    }
                }
            }
            return false;
        }

        static boolean inCidr(String address, String cidr) {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
            return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
        }

        static long ipv4(String address) {
            long value = 0;
            for (String octet : address.split("\\.")) {
                value = value << 8 | Integer.parseInt(octet);
            }
            return value;
        }

        static boolean peerMatches(Iterable<JsonNode> peers, JsonNode policy, Pod other) {
            if (!peers.iterator().hasNext()) {
                return true;
            }
            for (JsonNode peer : peers) {
                boolean hasPods = peer.has("podSelector");
                boolean hasNamespaces = peer.has("namespaceSelector");
                boolean namespaceOk = hasNamespaces
                    ? selectsAll(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", other.namespace()))
                    : other.namespace().equals(Manifests.namespace(policy));
                boolean podOk = !hasPods || selectsAll(peer.path("podSelector"), other.labels());
                if (namespaceOk && podOk && !peer.has("ipBlock")) {
                    return true;
                }
            }
            return false;
        }

        static boolean peerMatches(JsonNode peers, JsonNode policy, Pod other) {
            if (peers.isMissingNode() || peers.isEmpty()) {
                return true;
            }
            return peerMatches((Iterable<JsonNode>) peers, policy, other);
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
