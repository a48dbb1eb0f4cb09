package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.testsupport.BrokerControl;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/**
 * Kafka being down never fails or loses a write: 100 engagements logged while the broker is stopped
 * all succeed, and exactly 100 events reach rapport.engagements.v1 once it is back.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class OutboxOutageTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void engagementsWrittenWhileTheBrokerIsDownArePublishedExactlyOnceAfterwards() {
        Assumptions.assumeTrue(BrokerControl.available(),
            "the test infrastructure does not own the broker (KAFKA_BOOTSTRAP_SERVERS set or a broker already listening)");
        UUID contact;
        try (ContactFixture contacts = new ContactFixture(bootstrap, mapper, contactRefs)) {
            contact = contacts.activeContact(UUID.randomUUID());
        }
        Set<String> ids = new HashSet<>();
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, EngagementEventsContractTest.TOPIC)) {
            BrokerControl.stop();
            try {
                for (int i = 0; i < 100; i++) {
                    ids.add(given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact)
                            .replace("Coffee with HR", "Outage coffee " + i))
                        .post("/api/v1/engagements").then().statusCode(201).extract().path("id"));
                }
                Number pending = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                    .createNativeQuery("select count(*) from outbox_event where topic = :topic and message_key in (:keys)")
                    .setParameter("topic", EngagementEventsContractTest.TOPIC).setParameter("keys", ids).getSingleResult());
                assertEquals(100, pending.intValue(), "every write is in the outbox while the broker is down");
            } finally {
                BrokerControl.start();
            }
            List<ConsumerRecord<String, String>> received = probe.await(100, Duration.ofSeconds(120), r -> ids.contains(r.key()));
            assertEquals(100, received.size(), "all 100 events arrived after the broker came back");
            received = probe.drain(Duration.ofSeconds(3), r -> ids.contains(r.key()));
            assertEquals(100, received.size(), "exactly 100: no duplicates");
            assertEquals(ids, new HashSet<>(received.stream().map(ConsumerRecord::key).toList()));
        }
        assertEquals(100, ids.size());
    }
}
