package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rollout or scale-down drops no request: each pod first sleeps in preStop while the endpoints drop
 * it, then on SIGTERM its readiness answers DOWN for SHUTDOWN_DELAY (quarkus.shutdown.delay, with
 * delay-enabled), then requests in flight get SHUTDOWN_TIMEOUT, then the consumers and the outbox relay
 * stop; all of it within terminationGracePeriodSeconds, or the kubelet kills requests half way.
 */
class RolloutTest {

    /** What Quarkus needs after the shutdown timeout: the outbox relay joins for up to 10 s and closes its producer (5 s). */
    static final Duration AFTER_TIMEOUT = Duration.ofSeconds(15);

    @ParameterizedTest(name = "overlays/{0}: preStop + readiness-down delay + request timeout fit the grace period")
    @ValueSource(strings = {"dev", "prod"})
    void shutdownFitsTheGracePeriod(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            problems.addAll(problems(objects, d));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckCatchesATooShortGracePeriodAndAMissingDelay() {
        List<ObjectNode> objects = Kustomize.overlay("prod");
        ObjectNode d = Manifests.get(objects, "Deployment", "engagement-service").deepCopy();
        ((ObjectNode) d.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 30);
        ((ObjectNode) d.at("/spec/template/spec/containers/0")).remove("lifecycle");
        List<ObjectNode> changed = new ArrayList<>(objects);
        changed.removeIf(o -> Manifests.id(o).equals("Deployment/engagement-service"));
        changed.add(d);
        ObjectNode configMap = configMapOf(changed, "engagement-service").deepCopy();
        ((ObjectNode) configMap.get("data")).remove("SHUTDOWN_DELAY");
        changed.removeIf(o -> Manifests.id(o).equals(Manifests.id(configMap)));
        changed.add(configMap);
        String problems = String.join("\n", problems(changed, d));
        System.out.println("[rollout] broken copy -> " + problems.replace("\n", " | "));
        assertTrue(problems.contains("no preStop sleep"), problems);
        assertTrue(problems.contains("readiness does not go down before the server stops"), problems);
    }

    static List<String> problems(List<ObjectNode> objects, ObjectNode d) {
        String id = Manifests.id(d);
        String service = Manifests.name(d);
        List<String> problems = new ArrayList<>();
        JsonNode container = Manifests.podSpec(d).path("containers").get(0);
        long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
        if (preStop <= 0) {
            problems.add(id + ": no preStop sleep (the endpoints still route to a pod that is stopping)");
        }
        ProdConfig config = ProdConfig.of(service);
        if (!"true".equals(config.effective.get("quarkus.shutdown.delay-enabled"))) {
            problems.add(service + ": quarkus.shutdown.delay-enabled is not true in application.properties");
        }
        Map<String, String> env = Manifests.strings(configMapOf(objects, service).path("data"));
        Duration delay = duration(env.getOrDefault("SHUTDOWN_DELAY", defaultOf(config, "quarkus.shutdown.delay")));
        if (delay.isZero()) {
            problems.add(id + ": readiness does not go down before the server stops (SHUTDOWN_DELAY is 0)");
        }
        Duration timeout = duration(env.getOrDefault("SHUTDOWN_TIMEOUT", defaultOf(config, "quarkus.shutdown.timeout")));
        long needed = preStop + delay.toSeconds() + timeout.toSeconds() + AFTER_TIMEOUT.toSeconds();
        long grace = Manifests.podSpec(d).path("terminationGracePeriodSeconds").asLong(30);
        if (needed > grace) {
            problems.add(id + ": preStop " + preStop + " s + delay " + delay.toSeconds() + " s + timeout " + timeout.toSeconds()
                + " s + " + AFTER_TIMEOUT.toSeconds() + " s to stop = " + needed + " s, beyond terminationGracePeriodSeconds " + grace);
        }
        return problems;
    }

    /** The service's own ConfigMap (its generated name has a hash suffix). */
    static ObjectNode configMapOf(List<ObjectNode> objects, String service) {
        return objects.stream().filter(o -> Manifests.kind(o).equals("ConfigMap") && Manifests.name(o).matches(service + "-[a-z0-9]{10}"))
            .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap of " + service));
    }

    /** The default of a ${NAME:default} value in application.properties. */
    static String defaultOf(ProdConfig config, String property) {
        String value = config.effective.getOrDefault(property, "0s");
        List<String[]> expressions = ProdConfig.expressions(value);
        return expressions.isEmpty() ? value : expressions.get(0)[1];
    }

    static Duration duration(String value) {
        return Duration.parse("PT" + value.strip().toUpperCase());
    }
}
