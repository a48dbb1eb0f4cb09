package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Backups, scraping, alerts and the dashboard fit together and with what the services expose. */
class OperationsTest {

    static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
    /** The alerts the issue asks for (consumer lag, outbox age, dead letters, 5xx, replication lag, backup age). */
    static final Set<String> REQUIRED_ALERTS = Set.of("RapportConsumerLagHigh", "RapportOutboxStale", "RapportDeadLetters",
        "RapportHigh5xxRate", "RapportPostgresReplicationLag", "RapportPostgresBackupTooOld");
    static final Pattern RAPPORT_METRIC = Pattern.compile("\\b(rapport_[a-z_]+)\\b");

    @ParameterizedTest(name = "overlays/{0}: every database archives WAL, has a daily base backup and a retention")
    @ValueSource(strings = {"dev", "prod"})
    void everyDatabaseIsBackedUp(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        List<ObjectNode> clusters = Manifests.ofKind(objects, "Cluster");
        assertEquals(3, clusters.size());
        for (ObjectNode c : clusters) {
            String id = Manifests.id(c);
            JsonNode plugin = Manifests.list(c.at("/spec/plugins")).stream().filter(p -> p.path("name").asText().equals(PLUGIN))
                .findFirst().orElseThrow(() -> new AssertionError(id + " has no " + PLUGIN));
            assertTrue(plugin.path("isWALArchiver").asBoolean(false), id + ": WAL is not archived");
            ObjectNode store = Manifests.get(objects, "ObjectStore", plugin.at("/parameters/barmanObjectName").asText());
            assertTrue(store.at("/spec/retentionPolicy").asText().matches("[1-9][0-9]*[dwm]"), Manifests.id(store) + ": no retention");
            assertTrue(store.at("/spec/configuration/destinationPath").asText().startsWith("s3://"), Manifests.id(store));
            long schedules = Manifests.ofKind(objects, "ScheduledBackup").stream()
                .filter(s -> s.at("/spec/cluster/name").asText().equals(Manifests.name(c)))
                .filter(s -> s.at("/spec/method").asText().equals("plugin") && s.at("/spec/pluginConfiguration/name").asText().equals(PLUGIN))
                .count();
            assertEquals(1, schedules, id + ": one scheduled base backup through the plugin");
            int instances = c.at("/spec/instances").asInt();
            if (instances == 1) {
                assertFalse(c.at("/spec/enablePDB").asBoolean(true), id + ": one instance with a PodDisruptionBudget blocks every drain");
            } else {
                assertTrue(c.at("/spec/enablePDB").asBoolean(true), id + ": several instances keep the operator's PodDisruptionBudget");
            }
            if (overlay.equals("prod")) {
                JsonNode sync = c.at("/spec/postgresql/synchronous");
                assertTrue(sync.path("number").asInt(0) >= 1 && sync.path("number").asInt() < instances, id + ": synchronous standbys " + sync);
                assertEquals("required", sync.path("dataDurability").asText(), id);
            }
        }
    }

    @Test
    void theRestoreClustersRecoverFromTheBackupsAndArchiveElsewhere() {
        List<ObjectNode> prod = Kustomize.overlay("prod");
        List<ObjectNode> restore = Kustomize.render(Kustomize.KUBERNETES.resolve("restore"));
        assertEquals(3, restore.size());
        for (ObjectNode r : restore) {
            ObjectNode original = Manifests.get(prod, "Cluster", Manifests.name(r));
            assertEquals(Manifests.namespace(original), Manifests.namespace(r));
            JsonNode recovery = r.at("/spec/bootstrap/recovery");
            assertFalse(recovery.at("/recoveryTarget/targetTime").asText().isEmpty(), Manifests.id(r) + ": a point in time");
            assertEquals(original.at("/spec/bootstrap/initdb/database").asText(), recovery.path("database").asText());
            assertEquals(original.at("/spec/bootstrap/initdb/owner").asText(), recovery.path("owner").asText());
            JsonNode source = Manifests.list(r.at("/spec/externalClusters")).stream()
                .filter(e -> e.path("name").asText().equals(recovery.path("source").asText())).findFirst().orElseThrow();
            assertEquals(PLUGIN, source.at("/plugin/name").asText());
            assertEquals(original.at("/spec/plugins/0/parameters/barmanObjectName").asText(), source.at("/plugin/parameters/barmanObjectName").asText());
            assertEquals(Manifests.name(original), source.at("/plugin/parameters/serverName").asText(), "reads the original's folder");
            String archiveTo = r.at("/spec/plugins/0/parameters/serverName").asText();
            assertFalse(archiveTo.isEmpty() || archiveTo.equals(Manifests.name(original)), "the restored cluster archives to a new folder");
        }
    }

    @ParameterizedTest(name = "overlays/{0}: the PodMonitors scrape the four services, PostgreSQL and Kafka")
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsScraped(String overlay) {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        ObjectNode services = Manifests.get(objects, "PodMonitor", "rapport-services");
        for (ObjectNode d : Manifests.ofKind(objects, "Deployment")) {
            assertTrue(Manifests.selects(services.at("/spec/selector"), Manifests.podLabels(d)), Manifests.id(d) + " is not scraped");
            JsonNode endpoint = services.at("/spec/podMetricsEndpoints/0");
            assertEquals("/q/metrics", endpoint.path("path").asText());
            assertTrue(Manifests.containers(d).stream().flatMap(c -> Manifests.list(c.path("ports")).stream())
                .anyMatch(p -> p.path("name").asText().equals(endpoint.path("port").asText())), Manifests.id(d) + " has no port " + endpoint.path("port"));
        }
        ObjectNode postgres = Manifests.get(objects, "PodMonitor", "rapport-postgres");
        for (ObjectNode c : Manifests.ofKind(objects, "Cluster")) {
            Map<String, String> instanceLabels = Map.of("cnpg.io/cluster", Manifests.name(c), "cnpg.io/podRole", "instance");
            assertTrue(Manifests.selects(postgres.at("/spec/selector"), instanceLabels), Manifests.id(c) + " is not scraped");
        }
        assertEquals("metrics", postgres.at("/spec/podMetricsEndpoints/0/port").asText(), "CloudNativePG's exporter port");
        ObjectNode kafka = Manifests.get(objects, "Kafka", "rapport-kafka");
        Map<String, String> brokerLabels = Map.of("strimzi.io/cluster", "rapport-kafka", "strimzi.io/kind", "Kafka",
            "strimzi.io/name", "rapport-kafka-kafka");
        assertTrue(Manifests.selects(Manifests.get(objects, "PodMonitor", "rapport-kafka").at("/spec/selector"), brokerLabels));
        assertEquals("tcp-prometheus", Manifests.get(objects, "PodMonitor", "rapport-kafka").at("/spec/podMetricsEndpoints/0/port").asText());
        JsonNode ref = kafka.at("/spec/kafka/metricsConfig/valueFrom/configMapKeyRef");
        assertTrue(Manifests.get(objects, "ConfigMap", ref.path("name").asText()).path("data").has(ref.path("key").asText()),
            "the brokers' metrics rules are rendered");
        assertFalse(kafka.at("/spec/kafkaExporter").isMissingNode(), "the Kafka exporter gives the consumer-group lag");
    }

    @Test
    void theAlertsCoverWhatTheIssueNamesEachWithARunbookAndReadmeSection() throws IOException {
        ObjectNode rule = Manifests.get(Kustomize.overlay("prod"), "PrometheusRule", "rapport-alerts");
        String readme = Files.readString(Kustomize.KUBERNETES.resolve("README.md"));
        Set<String> declared = declaredMetrics();
        Set<String> alerts = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode r : group.path("rules")) {
                String alert = r.path("alert").asText();
                alerts.add(alert);
                if (r.at("/annotations/runbook").asText().length() < 40) {
                    problems.add(alert + ": no runbook line");
                }
                if (!Set.of("warning", "critical").contains(r.at("/labels/severity").asText())) {
                    problems.add(alert + ": no severity");
                }
                if (!readme.contains("#### " + alert)) {
                    problems.add(alert + ": no section \"#### " + alert + "\" in deploy/kubernetes/README.md");
                }
                problems.addAll(undeclared(alert, r.path("expr").asText(), declared));
            }
        }
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "missing alerts: " + REQUIRED_ALERTS + " vs " + alerts);
        assertEquals(List.of(), problems);
        assertFalse(undeclared("broken", "rapport_outbox_oldest_age_second > 1", declared).isEmpty(), "a misspelt metric is caught");
    }

    @Test
    void theDashboardParsesAndQueriesOnlyMetricsThatExist() throws IOException {
        Path file = Kustomize.KUBERNETES.resolve("base/monitoring/rapport-dashboard.json");
        JsonNode dashboard = StrictModel.STRICT.readTree(file.toFile());
        assertEquals("rapport-suite", dashboard.path("uid").asText());
        Set<String> declared = declaredMetrics();
        List<String> problems = new ArrayList<>();
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                targets++;
                problems.addAll(undeclared(panel.path("title").asText(), target.path("expr").asText(), declared));
            }
        }
        assertTrue(targets >= 15, targets + " queries");
        assertEquals(List.of(), problems);
        ObjectNode configMap = Kustomize.overlay("prod").stream()
            .filter(o -> Manifests.kind(o).equals("ConfigMap") && Manifests.name(o).startsWith("rapport-dashboard-")).findFirst().orElseThrow();
        assertEquals("1", configMap.at("/metadata/labels/grafana_dashboard").asText(), "Grafana's sidecar finds it");
        assertEquals(dashboard, StrictModel.STRICT.readTree(configMap.at("/data/rapport-dashboard.json").asText()));
    }

    /** The rapport_* names an expression uses that the platform does not declare (RapportMetrics). */
    static List<String> undeclared(String where, String expr, Set<String> declared) {
        List<String> out = new ArrayList<>();
        Matcher m = RAPPORT_METRIC.matcher(expr);
        while (m.find()) {
            if (!declared.contains(m.group(1))) {
                out.add(where + ": " + m.group(1) + " is not a metric RapportMetrics declares " + declared);
            }
        }
        return out;
    }

    /** The Prometheus names platform's RapportMetrics documents ({@code rapport_...} in its comments). */
    static Set<String> declaredMetrics() throws IOException {
        String source = Files.readString(Kustomize.ROOT.resolve("platform/src/main/java/io/rapport/platform/metrics/RapportMetrics.java"));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{@code (rapport_[a-z_]+)").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.size() >= 8, "RapportMetrics declares " + names);
        return names;
    }
}
