package io.rapport.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;

/**
 * Engagement events are folded by {@code FOLD_CONCURRENCY} consumers of the group (the channel's
 * {@code concurrency}: 1 per replica by default, 2 in the tests): the broker splits the engagements topic's partitions between two
 * members of {@code analytics-service}, each partition to exactly one, all of them assigned. With one
 * consumer (the setting at 1, or ignored) one member would hold every partition and this fails.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class FoldConcurrencyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "mp.messaging.incoming.engagements.topic")
    String engagementsTopic;

    @ConfigProperty(name = "mp.messaging.incoming.engagements.group.id")
    String group;

    @ConfigProperty(name = "mp.messaging.incoming.engagements.concurrency")
    int concurrency;

    @Test
    void theEngagementsPartitionsAreSplitBetweenTheConfiguredConsumers() throws Exception {
        assertEquals(2, concurrency, "FOLD_CONCURRENCY in the tests");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(engagementsTopic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(engagementsTopic).partitions().size();
            assertTrue(partitions >= concurrency, "the test topic has " + partitions + " partitions");
            List<Set<TopicPartition>> holders = List.of();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) { // the group may still be rebalancing after start-up
                holders = engagementPartitionsPerMember(admin);
                if (holders.size() == concurrency && holders.stream().mapToInt(Set::size).sum() == partitions) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(concurrency, holders.size(), "members holding engagements partitions: " + holders);
            Set<TopicPartition> all = new HashSet<>();
            for (Set<TopicPartition> held : holders) {
                for (TopicPartition p : held) {
                    assertTrue(all.add(p), p + " is held by two consumers: " + holders);
                }
            }
            assertEquals(partitions, all.size(), "every partition is assigned: " + holders);
        }
    }

    /** Per member of the group that holds any partition of the engagements topic, those partitions. */
    private List<Set<TopicPartition>> engagementPartitionsPerMember(Admin admin) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
            .get(30, TimeUnit.SECONDS).get(group);
        List<Set<TopicPartition>> result = new ArrayList<>();
        for (MemberDescription member : description.members()) {
            Set<TopicPartition> held = new HashSet<>();
            for (TopicPartition p : member.assignment().topicPartitions()) {
                if (p.topic().equals(engagementsTopic)) {
                    held.add(p);
                }
            }
            if (!held.isEmpty()) {
                result.add(held);
            }
        }
        return result;
    }
}
