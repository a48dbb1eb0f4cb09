package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests give each service every environment variable its production configuration
 * reads, and nothing it does not read. Read from each service's application.properties at test
 * time, so a key added there later (JWT, CORS: issue 6) without its env var in the manifests
 * fails here.
 */
class ProdConfigEnvTest {

    /**
     * Settings where a ${NAME:default} must still be set in production: what the issue names
     * (database, Kafka, token verification, CORS) and where the service is reachable.
     */
    static final List<String> MUST_BE_SET = List.of("quarkus.datasource.", "kafka.", "mp.jwt.", "smallrye.jwt.",
        "quarkus.oidc.", "quarkus.http.cors", "rapport.cors.", "rapport.public-url", "rapport.upstream.");

    /** ...except these, whose defaults are right in production too. */
    static final Set<String> MAY_DEFAULT = Set.of(
        "DB_POOL_MAX", // the datasource pool size, 20 unless tuned
        "OTEL_EXPORTER_OTLP_ENDPOINT"); // optional: unset (a blank default), no trace exporter is installed

    /**
     * Must the environment set it? Yes without a default, with an empty default (empty is
     * "not set"), with a default that only fits a laptop (localhost), and for the settings above.
     * A tunable with a sensible default (a timeout, a rate limit) may keep it.
     */
    static boolean mustBeSet(ProdConfig.EnvNeed need) {
        if (!need.hasDefault()) {
            return true;
        }
        if (MAY_DEFAULT.contains(need.env())) {
            return false;
        }
        String d = need.defaultValue();
        return d.isBlank() || d.contains("127.0.0.1") || d.contains("localhost")
            || MUST_BE_SET.stream().anyMatch(need.property()::startsWith);
    }

    /** Read by the image's entrypoint (run-java.sh of the ubi9 OpenJDK images), not by Quarkus. */
    static final Set<String> IMAGE_ENV = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_OPTS_APPEND");

    @ParameterizedTest(name = "overlays/{0}: each service gets exactly the env its %prod config reads")
    @ValueSource(strings = {"dev", "prod"})
    void everyProdSettingIsProvidedAndNothingElse(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Manifests.SERVICES) {
            Map<String, String> env = env(objects, service);
            List<String> found = problems(service, ProdConfig.of(service), env);
            System.out.println("[env] " + overlay + " " + service + ": " + env.keySet());
            found.forEach(p -> problems.add(overlay + " " + service + ": " + p));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What the issue names: DB URL and credentials, Kafka bootstrap, JWT issuer and key, CORS origins. */
    @Test
    void theSettingsTheIssueNamesAreAmongThem() {
        List<ObjectNode> objects = Kustomize.overlay("prod");
        for (String service : List.of("contacts-service", "engagement-service", "analytics-service")) {
            Set<String> env = env(objects, service).keySet();
            assertTrue(env.containsAll(Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "HTTP_PORT")), service + ": " + env);
        }
        Set<String> gateway = env(objects, "gateway").keySet();
        assertTrue(gateway.containsAll(Set.of("CONTACTS_URL", "ENGAGEMENT_URL", "ANALYTICS_URL",
            "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "HTTP_PORT")), gateway.toString());
        assertTrue(gateway.contains("CORS_ORIGINS") || gateway.contains("QUARKUS_HTTP_CORS_ORIGINS"), gateway.toString());
        assertFalse(gateway.contains("DB_URL") || gateway.contains("KAFKA_BOOTSTRAP_SERVERS"), "the gateway has no database and no Kafka");
    }

    /** The check itself: keys added to a service's config later, without their env var in the manifests, fail. */
    @Test
    void aNewProdKeyWithoutItsEnvVarIsCaught() throws IOException {
        Map<String, String> env = env(Kustomize.overlay("prod"), "contacts-service");
        Properties p = new Properties();
        p.load(new StringReader(String.join("\n",
            "quarkus.http.port=${HTTP_PORT:8081}",
            "%prod.quarkus.datasource.jdbc.url=${DB_URL}",
            "%prod.quarkus.datasource.username=${DB_USER}",
            "%prod.quarkus.datasource.password=${DB_PASSWORD}",
            "kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}",
            "quarkus.shutdown.delay=${SHUTDOWN_DELAY:0s}",
            // satisfied: the manifests set MP_JWT_VERIFY_ISSUER, which overrides the key itself
            "mp.jwt.verify.issuer=${JWT_ISSUER:rapport-local}",
            // not satisfied: no default, and neither SIGNING_KEY nor RAPPORT_SIGNING_KEY is set
            "%prod.rapport.signing-key=${SIGNING_KEY}",
            // not satisfied: its default only fits a laptop
            "quarkus.oidc.auth-server-url=${OIDC_URL:http://localhost:8180/realms/rapport}",
            // not satisfied: an empty value in %prod means 'read it from the environment'
            "%prod.rapport.audit.sink=",
            // fine: a tunable with a default, and a dev-only key
            "rapport.import.max-rows=${IMPORT_MAX_ROWS:50000}",
            "%dev.rapport.dev-only=${NOT_IN_PROD}")));
        List<String> problems = problems("contacts-service", ProdConfig.parse(p), env);
        problems.forEach(s -> System.out.println("[env] caught: " + s));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("reads SIGNING_KEY")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("reads OIDC_URL")), problems.toString());
        assertTrue(problems.stream().anyMatch(s -> s.startsWith("reads RAPPORT_AUDIT_SINK")), problems.toString());
    }

    @Test
    void anEnvVarNoServiceReadsIsCaught() {
        Map<String, String> env = new LinkedHashMap<>(env(Kustomize.overlay("prod"), "contacts-service"));
        env.put("DB_PASWORD", "secret contacts-db-app/password");
        List<String> problems = problems("contacts-service", ProdConfig.of("contacts-service"), env);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("DB_PASWORD"), problems.toString());
    }

    static List<String> problems(String service, ProdConfig config, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        List<ProdConfig.EnvNeed> needs = new ArrayList<>(config.envNeeds());
        // the issue's settings, by their MicroProfile env name, where the file does not name them yet
        needs.addAll(implicit(config, "mp.jwt.verify.issuer"));
        needs.addAll(implicit(config, "mp.jwt.verify.publickey.location"));
        if (service.equals("gateway") && !config.has("rapport.cors.origins")) {
            needs.addAll(implicit(config, "quarkus.http.cors.origins"));
        }
        for (ProdConfig.EnvNeed need : needs) {
            boolean provided = need.satisfiedBy().stream().anyMatch(env::containsKey);
            if (!provided && mustBeSet(need)) {
                problems.add("reads " + need + " in prod, but the Deployment sets none of " + need.satisfiedBy());
            }
        }
        boolean usesKafka = config.has("kafka.bootstrap.servers");
        for (String name : env.keySet()) {
            boolean read = needs.stream().anyMatch(n -> n.env().equals(name))
                || name.startsWith("QUARKUS_") || name.startsWith("MP_") || name.startsWith("_PROD_")
                || (usesKafka && name.startsWith("KAFKA_"))
                || IMAGE_ENV.contains(name);
            if (!read) {
                problems.add("the Deployment sets " + name + " (" + env.get(name) + "), which " + service + " does not read");
            }
        }
        return problems;
    }

    static List<ProdConfig.EnvNeed> implicit(ProdConfig config, String property) {
        return config.has(property) ? List.of()
            : List.of(new ProdConfig.EnvNeed(ProdConfig.envName(property), property, "(not in the file: read from the environment)", null));
    }

    /** Env var name -> where its value comes from, for a service's container. */
    static Map<String, String> env(List<ObjectNode> objects, String service) {
        ObjectNode deployment = Manifests.get(objects, "Deployment", service);
        JsonNode container = Manifests.list(Manifests.podSpec(deployment).path("containers")).stream()
            .filter(c -> service.equals(c.path("name").asText())).findFirst()
            .orElseThrow(() -> new AssertionError("no container " + service + " in Deployment/" + service));
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                ObjectNode cm = Manifests.get(objects, "ConfigMap", name);
                cm.path("data").fieldNames().forEachRemaining(k -> env.put(prefix + k, "configmap " + name));
            } else {
                throw new AssertionError(service + ": envFrom " + from + " hides which variables it sets; use env");
            }
        }
        for (JsonNode e : container.path("env")) {
            String source;
            if (e.has("value")) {
                source = "value";
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                source = "secret " + ref.path("name").asText() + "/" + ref.path("key").asText();
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                ObjectNode cm = Manifests.get(objects, "ConfigMap", ref.path("name").asText());
                assertTrue(cm.path("data").has(ref.path("key").asText()), service + ": " + e + " refers to a missing key");
                source = "configmap " + ref.path("name").asText() + "/" + ref.path("key").asText();
            } else {
                source = "fieldRef";
            }
            env.put(e.path("name").asText(), source);
        }
        return env;
    }
}
