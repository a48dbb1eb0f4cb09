package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The way in: Gateway API routes to the platform's Gateway (no Ingress: ingress-nginx is retired), HTTPS
 * with a cert-manager certificate the Gateway may read, plain HTTP only redirected.
 */
class EdgeTest {

    static final String GATEWAY_NAMESPACE = "gateway-system";

    @ParameterizedTest(name = "overlays/{0}: HTTPS through the Gateway reaches only the gateway, with a managed certificate")
    @ValueSource(strings = {"dev", "prod"})
    void httpsToTheGatewayOnly(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        assertTrue(Manifests.ofKind(objects, "Ingress").isEmpty(), "no Ingress: ingress-nginx is retired");
        assertEquals(List.of(), problems(objects));
    }

    @ParameterizedTest(name = "overlays/{0}: the edge checks catch a broken copy")
    @ValueSource(strings = {"prod"})
    void theChecksCatchBrokenObjects(String overlay) {
        List<ObjectNode> objects = new java.util.ArrayList<>(Kustomize.overlay(overlay));
        ObjectNode route = Manifests.get(objects, "HTTPRoute", "gateway").deepCopy();
        ((ObjectNode) route.at("/spec/rules/0/backendRefs/0")).put("name", "contacts-service").put("port", 8081);
        ((ObjectNode) route.at("/spec/parentRefs/0")).put("sectionName", "http");
        ((com.fasterxml.jackson.databind.node.ArrayNode) route.at("/spec/hostnames")).add("other.example.com");
        ObjectNode grant = Manifests.get(objects, "ReferenceGrant", "gateway-tls-to-edge").deepCopy();
        ((ObjectNode) grant.at("/spec/to/0")).put("name", "another-secret");
        objects.removeIf(o -> Manifests.id(o).equals("HTTPRoute/gateway") || Manifests.id(o).equals("ReferenceGrant/gateway-tls-to-edge"));
        objects.add(route);
        objects.add(grant);
        String problems = String.join("\n", problems(objects));
        System.out.println("[edge] broken copy -> " + problems.replace("\n", " | "));
        for (String expected : List.of("reaches Service contacts-service", "is not on the https listener",
            "other.example.com is not in the certificate", "may not read the certificate's Secret")) {
            assertTrue(problems.contains(expected), expected + " not in: " + problems);
        }
    }

    static List<String> problems(List<ObjectNode> objects) {
        List<String> problems = new java.util.ArrayList<>();
        List<ObjectNode> certificates = Manifests.ofKind(objects, "Certificate");
        if (certificates.size() != 1) {
            return List.of(certificates.size() + " Certificates rendered, expected one");
        }
        ObjectNode certificate = certificates.get(0);
        String secret = certificate.at("/spec/secretName").asText();
        Set<String> certified = new HashSet<>();
        certificate.at("/spec/dnsNames").forEach(n -> certified.add(n.asText()));
        ObjectNode service = Manifests.get(objects, "Service", "gateway");
        int servicePort = service.at("/spec/ports/0/port").asInt();
        boolean https = false;
        for (ObjectNode route : Manifests.ofKind(objects, "HTTPRoute")) {
            String id = Manifests.id(route);
            for (JsonNode parent : route.at("/spec/parentRefs")) {
                if (!parent.path("kind").asText().equals("Gateway") || !parent.path("namespace").asText().equals(GATEWAY_NAMESPACE)) {
                    problems.add(id + " is not attached to a Gateway in " + GATEWAY_NAMESPACE);
                }
            }
            route.at("/spec/hostnames").forEach(h -> {
                if (!certified.contains(h.asText())) {
                    problems.add(id + ": host " + h.asText() + " is not in the certificate " + certified);
                }
            });
            boolean redirects = false;
            for (JsonNode rule : route.at("/spec/rules")) {
                for (JsonNode filter : rule.path("filters")) {
                    redirects |= filter.path("type").asText().equals("RequestRedirect")
                        && filter.at("/requestRedirect/scheme").asText().equals("https");
                }
                for (JsonNode backend : rule.path("backendRefs")) {
                    if (!backend.path("name").asText().equals("gateway") || backend.path("port").asInt() != servicePort) {
                        problems.add(id + " reaches Service " + backend.path("name").asText() + ":" + backend.path("port").asInt()
                            + ", not the gateway");
                    }
                }
            }
            String section = route.at("/spec/parentRefs/0/sectionName").asText();
            if (redirects) {
                continue; // plain HTTP, redirected
            }
            if (!section.equals("https")) {
                problems.add(id + " serves the gateway but is not on the https listener (" + section + ")");
            }
            https = true;
        }
        if (!https) {
            problems.add("no HTTPRoute serves the gateway over HTTPS");
        }
        boolean granted = Manifests.ofKind(objects, "ReferenceGrant").stream().anyMatch(g ->
            Manifests.list(g.at("/spec/from")).stream().anyMatch(f -> f.path("kind").asText().equals("Gateway")
                && f.path("namespace").asText().equals(GATEWAY_NAMESPACE))
            && Manifests.list(g.at("/spec/to")).stream().anyMatch(t -> t.path("kind").asText().equals("Secret")
                && t.path("name").asText().equals(secret)));
        if (!granted) {
            problems.add("the Gateway in " + GATEWAY_NAMESPACE + " may not read the certificate's Secret " + secret);
        }
        return problems;
    }
}
