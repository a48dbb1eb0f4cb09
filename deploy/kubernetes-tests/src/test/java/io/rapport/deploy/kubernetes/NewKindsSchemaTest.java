package io.rapport.deploy.kubernetes;

import static io.rapport.deploy.kubernetes.StrictSchemaTest.rename;
import static io.rapport.deploy.kubernetes.StrictSchemaTest.violation;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;

/**
 * The kinds issue 19 added (monitoring, edge, backups) are validated as strictly as the others: a
 * misspelt field fails in each of them, and so does a missing required field where the model or the
 * schema knows it (the rest: {@link RequiredFieldsTest}).
 */
class NewKindsSchemaTest {

    @Test
    void theNewKindsGetTheirRealModels() throws Exception {
        var prod = Kustomize.overlay("prod");
        assertTrue(StrictModel.validate(Manifests.get(prod, "PodMonitor", "rapport-services")) instanceof PodMonitor);
        assertTrue(StrictModel.validate(Manifests.get(prod, "PrometheusRule", "rapport-alerts")) instanceof PrometheusRule);
        assertTrue(StrictModel.validate(Manifests.get(prod, "HTTPRoute", "gateway")) instanceof HTTPRoute);
        assertTrue(StrictModel.validate(Manifests.get(prod, "Certificate", "rapport-gateway-tls")).getClass().getName()
            .startsWith("io.fabric8.certmanager.api.model.v1."));
        assertTrue(StrictModel.validate(Manifests.get(prod, "ObjectStore", "rapport-backups")) instanceof CrdSchemas.Validated);
        assertTrue(StrictModel.validate(Manifests.get(prod, "ScheduledBackup", "contacts-db-daily")) instanceof CrdSchemas.Validated);
    }

    // ---- a misspelt field fails in every new kind ----

    @Test
    void misspeltFieldsInTheMonitoringObjectsFail() {
        String pm = violation("prod", "PodMonitor", "rapport-services", o ->
            rename((ObjectNode) o.at("/spec/podMetricsEndpoints/0"), "path", "pth"));
        assertTrue(pm.contains("Unrecognized field \"pth\""), pm);
        String rule = violation("prod", "PrometheusRule", "rapport-alerts", o ->
            rename((ObjectNode) o.at("/spec/groups/0/rules/0"), "annotations", "anotations"));
        assertTrue(rule.contains("Unrecognized field \"anotations\""), rule);
    }

    @Test
    void misspeltFieldsInTheEdgeObjectsFail() {
        String route = violation("prod", "HTTPRoute", "gateway", o ->
            rename((ObjectNode) o.at("/spec/parentRefs/0"), "sectionName", "section"));
        assertTrue(route.contains("Unrecognized field \"section\""), route);
        String grant = violation("prod", "ReferenceGrant", "gateway-tls-to-edge", o ->
            rename((ObjectNode) o.at("/spec/to/0"), "name", "nmae"));
        assertTrue(grant.contains("Unrecognized field \"nmae\""), grant);
        String cert = violation("prod", "Certificate", "rapport-gateway-tls", o ->
            rename((ObjectNode) o.get("spec"), "dnsNames", "dnsName"));
        assertTrue(cert.contains("Unrecognized field \"dnsName\""), cert);
    }

    @Test
    void misspeltFieldsInTheBackupObjectsFail() {
        String store = violation("prod", "ObjectStore", "rapport-backups", o ->
            rename((ObjectNode) o.at("/spec/configuration/s3Credentials"), "secretAccessKey", "secretAccesKey"));
        System.out.println("[schema] misspelt ObjectStore field -> " + store);
        assertTrue(store.contains("secretAccesKey"), store);
        assertTrue(store.contains("barmancloud.cnpg.io_v1_ObjectStore.yaml"), store);
        String retention = violation("prod", "ObjectStore", "rapport-backups", o ->
            ((ObjectNode) o.get("spec")).put("retentionPolicy", "30 days"));
        assertTrue(retention.contains("retentionPolicy"), retention);
        String schedule = violation("prod", "ScheduledBackup", "engagement-db-daily", o ->
            rename((ObjectNode) o.get("spec"), "backupOwnerReference", "backupOwnerRef"));
        assertTrue(schedule.contains("backupOwnerRef"), schedule);
        String method = violation("prod", "ScheduledBackup", "engagement-db-daily", o ->
            ((ObjectNode) o.get("spec")).put("method", "plugins"));
        assertTrue(method.contains("method"), method);
        String plugin = violation("prod", "Cluster", "analytics-db", o ->
            rename((ObjectNode) o.at("/spec/plugins/0"), "isWALArchiver", "isWalArchiver"));
        assertTrue(plugin.contains("Unrecognized field \"isWalArchiver\""), plugin);
        String sync = violation("prod", "Cluster", "analytics-db", o ->
            ((ObjectNode) o.at("/spec/postgresql/synchronous")).put("dataDurability", "strict"));
        assertTrue(sync.contains("strict"), sync);
        String meta = violation("prod", "ScheduledBackup", "engagement-db-daily", o ->
            rename((ObjectNode) o.get("metadata"), "labels", "label"));
        assertTrue(meta.contains("label"), meta);
    }

    @Test
    void theRestoreClustersAreCheckedToo() {
        var restore = Kustomize.render(Kustomize.KUBERNETES.resolve("restore"));
        ObjectNode cluster = Manifests.get(restore, "Cluster", "contacts-db").deepCopy();
        rename((ObjectNode) cluster.at("/spec/bootstrap/recovery/recoveryTarget"), "targetTime", "targetTimestamp");
        StrictModel.SchemaViolation e = org.junit.jupiter.api.Assertions.assertThrows(StrictModel.SchemaViolation.class,
            () -> StrictModel.validate(cluster));
        assertTrue(e.getMessage().contains("Unrecognized field \"targetTimestamp\""), e.getMessage());
    }

    // ---- a missing required field fails ----

    @Test
    void missingRequiredFieldsFailInTheSchemasAndModels() {
        String store = violation("prod", "ObjectStore", "rapport-backups", o ->
            ((ObjectNode) o.at("/spec/configuration")).remove("destinationPath"));
        System.out.println("[schema] ObjectStore without destinationPath -> " + store);
        assertTrue(store.contains("destinationPath"), store);
        String schedule = violation("dev", "ScheduledBackup", "contacts-db-daily", o ->
            ((ObjectNode) o.get("spec")).remove("schedule"));
        assertTrue(schedule.contains("schedule"), schedule);
        String scheduleCluster = violation("dev", "ScheduledBackup", "contacts-db-daily", o ->
            ((ObjectNode) o.at("/spec/cluster")).remove("name"));
        assertTrue(scheduleCluster.contains("name"), scheduleCluster);
        String plugin = violation("prod", "Cluster", "contacts-db", o ->
            ((ObjectNode) o.at("/spec/plugins/0")).remove("name"));
        System.out.println("[schema] Cluster plugin without name -> " + plugin);
        assertTrue(plugin.contains("name"), plugin);
        String sync = violation("prod", "Cluster", "contacts-db", o ->
            ((ObjectNode) o.at("/spec/postgresql/synchronous")).remove("number"));
        assertTrue(sync.contains("number"), sync);
        // Strimzi's model marks its required fields too: a Kafka without listeners
        String kafka = violation("prod", "Kafka", "rapport-kafka", o -> ((ObjectNode) o.at("/spec/kafka")).remove("listeners"));
        System.out.println("[schema] Kafka without listeners -> " + kafka);
        assertTrue(kafka.contains("listeners"), kafka);
    }
}
