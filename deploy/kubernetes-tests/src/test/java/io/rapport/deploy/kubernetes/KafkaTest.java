package io.rapport.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/** Topics, retention and ACLs, read through Strimzi's model. */
class KafkaTest {

    static final String CONTACTS = "rapport.contacts.v1";
    static final String ENGAGEMENTS = "rapport.engagements.v1";

    /** Exactly what each service may do: "resource:name:pattern operation". */
    static final Map<String, Set<String>> EXPECTED_ACLS = Map.of(
        "contacts-service", Set.of(
            "topic:" + CONTACTS + ":literal Write", "topic:" + CONTACTS + ":literal Describe",
            "cluster IdempotentWrite"),
        "engagement-service", Set.of(
            "topic:" + ENGAGEMENTS + ":literal Write", "topic:" + ENGAGEMENTS + ":literal Describe",
            "topic:" + CONTACTS + ":literal Read", "topic:" + CONTACTS + ":literal Describe",
            "group:engagement-service:literal Read",
            "topic:" + CONTACTS + ".dlq:literal Write", "topic:" + CONTACTS + ".dlq:literal Describe",
            "cluster IdempotentWrite"),
        "analytics-service", Set.of(
            "topic:" + CONTACTS + ":literal Read", "topic:" + CONTACTS + ":literal Describe",
            "topic:" + ENGAGEMENTS + ":literal Read", "topic:" + ENGAGEMENTS + ":literal Describe",
            "group:analytics-service:literal Read", "group:analytics-service-rebuild:prefix Read",
            "topic:" + CONTACTS + ".dlq:literal Write", "topic:" + CONTACTS + ".dlq:literal Describe",
            "topic:" + ENGAGEMENTS + ".dlq:literal Write", "topic:" + ENGAGEMENTS + ".dlq:literal Describe",
            "cluster IdempotentWrite"));

    @ParameterizedTest(name = "overlays/{0}: each service's KafkaUser allows exactly what it produces and consumes")
    @ValueSource(strings = {"dev", "prod"})
    void aclsAreExactlyWhatEachServiceNeeds(String overlay) throws Exception {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        assertEquals(EXPECTED_ACLS.keySet(), new TreeSet<>(Manifests.ofKind(objects, "KafkaUser").stream().map(Manifests::name).toList()));
        for (String service : EXPECTED_ACLS.keySet()) {
            KafkaUser user = (KafkaUser) StrictModel.validate(Manifests.get(objects, "KafkaUser", service));
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType(), service);
            Set<String> granted = new TreeSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                assertEquals("allow", rule.getType() == null ? "allow" : rule.getType().toValue(), service + ": only allow rules");
                String resource;
                if (rule.getResource() instanceof AclRuleTopicResource t) {
                    resource = "topic:" + t.getName() + ":" + t.getPatternType().toValue();
                } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                    resource = "group:" + g.getName() + ":" + g.getPatternType().toValue();
                } else if (rule.getResource() instanceof AclRuleClusterResource) {
                    resource = "cluster";
                } else {
                    throw new AssertionError(service + ": unexpected ACL resource " + rule.getResource());
                }
                for (AclOperation op : rule.getOperations()) {
                    granted.add(resource + " " + op.toValue());
                }
            }
            assertEquals(new TreeSet<>(EXPECTED_ACLS.get(service)), granted, service);
        }
    }

    @ParameterizedTest(name = "overlays/{0}: topics keep the whole history, dead-letter topics exist, replication fits the brokers")
    @ValueSource(strings = {"dev", "prod"})
    void topics(String overlay) throws Exception {
        List<ObjectNode> objects = Kustomize.overlay(overlay);
        int brokers = Manifests.ofKind(objects, "KafkaNodePool").stream()
            .filter(p -> Manifests.list(p.at("/spec/roles")).stream().anyMatch(r -> r.asText().equals("broker")))
            .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        assertEquals(overlay.equals("dev") ? 1 : 3, brokers, "broker nodes");
        assertEquals(Set.of(CONTACTS, ENGAGEMENTS, CONTACTS + ".dlq", ENGAGEMENTS + ".dlq"),
            new TreeSet<>(Manifests.ofKind(objects, "KafkaTopic").stream().map(t -> {
                String topicName = t.at("/spec/topicName").asText("");
                return topicName.isEmpty() ? Manifests.name(t) : topicName;
            }).toList()));
        JsonNode kafkaConfig = Manifests.get(objects, "Kafka", "rapport-kafka").at("/spec/kafka/config");
        assertEquals("false", kafkaConfig.path("auto.create.topics.enable").asText(), "topics come from KafkaTopic resources only");
        assertEquals(Math.min(3, brokers), kafkaConfig.path("offsets.topic.replication.factor").asInt());
        for (ObjectNode t : Manifests.ofKind(objects, "KafkaTopic")) {
            KafkaTopic topic = (KafkaTopic) StrictModel.validate(t);
            Map<String, Object> config = topic.getSpec().getConfig();
            int replicas = topic.getSpec().getReplicas();
            int minIsr = ((Number) config.get("min.insync.replicas")).intValue();
            assertEquals(Math.min(3, brokers), replicas, Manifests.name(t) + " replicas");
            assertTrue(minIsr >= 1 && (replicas == 1 || minIsr < replicas), Manifests.name(t) + ": min.insync.replicas " + minIsr
                + " of " + replicas + " would stop producers when one broker is down");
            assertEquals("delete", config.get("cleanup.policy"), Manifests.name(t) + ": compaction would drop history");
            if (!Manifests.name(t).endsWith(".dlq")) {
                assertEquals(-1L, ((Number) config.get("retention.ms")).longValue(), Manifests.name(t) + ": analytics rebuilds from offset 0");
                assertEquals(-1L, ((Number) config.get("retention.bytes")).longValue(), Manifests.name(t) + ": analytics rebuilds from offset 0");
            } else {
                assertTrue(((Number) config.get("retention.ms")).longValue() > 0);
            }
        }
        // a consumer group cannot use more consumers than partitions: one contacts consumer per replica, and
        // FOLD_CONCURRENCY engagements consumers per replica (set explicitly, as the service's own default: 1)
        ObjectNode analytics = Manifests.get(objects, "Deployment", "analytics-service");
        int maxReplicas = Manifests.hpaFor(objects, analytics).orElseThrow().at("/spec/maxReplicas").asInt();
        int contactsPartitions = Manifests.get(objects, "KafkaTopic", CONTACTS).at("/spec/partitions").asInt();
        assertTrue(maxReplicas <= contactsPartitions,
            "analytics-service maxReplicas " + maxReplicas + " > " + contactsPartitions + " partitions of " + CONTACTS);
        JsonNode foldConcurrency = Manifests.list(Manifests.podSpec(analytics).path("containers")).stream()
            .flatMap(c -> Manifests.list(c.path("envFrom")).stream())
            .map(from -> Manifests.get(objects, "ConfigMap", from.path("configMapRef").path("name").asText()))
            .map(cm -> cm.at("/data/FOLD_CONCURRENCY")).filter(JsonNode::isTextual).findFirst()
            .orElseThrow(() -> new AssertionError("analytics-service's ConfigMaps set no FOLD_CONCURRENCY"));
        int engagementConsumers = maxReplicas * Integer.parseInt(foldConcurrency.asText());
        int engagementPartitions = Manifests.get(objects, "KafkaTopic", ENGAGEMENTS).at("/spec/partitions").asInt();
        assertTrue(engagementConsumers <= engagementPartitions, "analytics-service maxReplicas x FOLD_CONCURRENCY = "
            + engagementConsumers + " consumers > " + engagementPartitions + " partitions of " + ENGAGEMENTS);
    }

    @ParameterizedTest(name = "overlays/{0}: the only listener is TLS with SCRAM users and ACLs")
    @ValueSource(strings = {"dev", "prod"})
    void listenerIsAuthenticated(String overlay) {
        JsonNode kafka = Manifests.get(Kustomize.overlay(overlay), "Kafka", "rapport-kafka").at("/spec/kafka");
        assertEquals("simple", kafka.at("/authorization/type").asText());
        for (JsonNode listener : kafka.path("listeners")) {
            assertTrue(listener.path("tls").asBoolean(), "listener " + listener.path("name") + " without TLS");
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(), "listener " + listener.path("name"));
        }
        JsonNode bootstrap = Manifests.ofKind(Kustomize.overlay(overlay), "ConfigMap").stream()
            .filter(c -> Manifests.name(c).startsWith("rapport-kafka-client-")).findFirst().orElseThrow().path("data");
        assertEquals("rapport-kafka-kafka-bootstrap:" + kafka.at("/listeners/0/port").asInt(), bootstrap.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("SASL_SSL", bootstrap.path("KAFKA_SECURITY_PROTOCOL").asText());
        assertEquals("SCRAM-SHA-512", bootstrap.path("KAFKA_SASL_MECHANISM").asText());
    }
}
