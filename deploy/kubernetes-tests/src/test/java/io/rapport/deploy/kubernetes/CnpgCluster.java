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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Spec(Integer instances, String imageName, PrimaryUpdateStrategy primaryUpdateStrategy,
                Boolean enableSuperuserAccess, Bootstrap bootstrap, Storage storage,
                ResourceRequirements resources, Affinity affinity,
                List<TopologySpreadConstraint> topologySpreadConstraints, Monitoring monitoring,
                Map<String, Object> postgresql, String description) {
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED,
        @JsonProperty("supervised") SUPERVISED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Bootstrap(InitDb initdb) {
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
