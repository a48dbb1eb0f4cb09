package io.rapport.deploy.kubernetes;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

/**
 * A CloudNativePG Cluster (postgresql.cnpg.io/v1), for {@link StrictModel}.
 * <p>
 * CloudNativePG publishes no Java model on the registries this project reaches (Maven Central,
 * npm, Debian), so this is our own: the subset of ClusterSpec that these manifests use, with the
 * field names, types and enum values of CloudNativePG's API reference. It makes a misspelt or
 * mistyped field in our Clusters fail like the other kinds, but it is not CloudNativePG's schema:
 * a valid field we do not use yet fails here too (add it, from the API reference, when needed).
 * Fields the API marks required (a plugin's, an external cluster's name; the synchronous replication's
 * method and number) are {@code required = true}, which {@link StrictModel} enforces. (CloudNativePG's
 * Cluster CRD is some 390,000 characters; its two small kinds we use, ScheduledBackup and the Barman
 * Cloud Plugin's ObjectStore, are checked against their upstream schemas instead: {@link CrdSchemas}.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Spec(Integer instances, String imageName, PrimaryUpdateStrategy primaryUpdateStrategy,
                Boolean enableSuperuserAccess, Boolean enablePDB, Bootstrap bootstrap, Storage storage,
                ResourceRequirements resources, Affinity affinity,
                List<TopologySpreadConstraint> topologySpreadConstraints, Monitoring monitoring,
                Postgresql postgresql, List<Plugin> plugins, List<ExternalCluster> externalClusters,
                String description) {
    }

    /** A CNPG-I plugin (PluginConfiguration): here the Barman Cloud Plugin, the WAL archiver and backup method. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Plugin(@JsonProperty(value = "name", required = true) String name, Boolean enabled, Boolean isWALArchiver,
                  Map<String, String> parameters) {
    }

    /** A cluster to recover from: here its backups, through a plugin. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExternalCluster(@JsonProperty(value = "name", required = true) String name, Plugin plugin) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Postgresql(Map<String, String> parameters, Synchronous synchronous) {
    }

    /** Quorum-based synchronous replication (SynchronousReplicaConfiguration). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Synchronous(@JsonProperty(value = "method", required = true) SynchronousMethod method,
                       @JsonProperty(value = "number", required = true) Integer number,
                       Integer maxStandbyNamesFromCluster, List<String> standbyNamesPre, List<String> standbyNamesPost,
                       DataDurability dataDurability) {
    }

    enum SynchronousMethod {
        @JsonProperty("any") ANY,
        @JsonProperty("first") FIRST
    }

    enum DataDurability {
        @JsonProperty("required") REQUIRED,
        @JsonProperty("preferred") PREFERRED
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED,
        @JsonProperty("supervised") SUPERVISED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bootstrap(InitDb initdb, Recovery recovery) {
    }

    /** Bootstrap from another cluster's backups (BootstrapRecovery), to a point in time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recovery(String source, String database, String owner, LocalObjectReference secret,
                    RecoveryTarget recoveryTarget) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecoveryTarget(String backupID, String targetTLI, String targetXID, String targetName, String targetLSN,
                          String targetTime, Boolean targetImmediate, Boolean exclusive) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InitDb(String database, String owner, LocalObjectReference secret, String encoding,
                  String localeCollate, String localeCType, Boolean dataChecksums) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LocalObjectReference(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, PodAntiAffinityType podAntiAffinityType,
                    Map<String, String> nodeSelector, List<Toleration> tolerations) {
    }

    enum PodAntiAffinityType {
        @JsonProperty("preferred") PREFERRED,
        @JsonProperty("required") REQUIRED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Monitoring(Boolean enablePodMonitor) {
    }
}
