package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.contacts.events.ContactEvents;
import io.rapport.testsupport.BrokerControl;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/** With the broker stopped, writes go on; once it is back, every event arrives exactly once, in order per key. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class OutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Test
    void contactsCreatedWhileTheBrokerIsDownArePublishedExactlyOnceInOrderAfterwards() throws Exception {
        assumeTrue(BrokerControl.available(), "the test infrastructure does not own the broker");
        String unit = Fixtures.createUnit(null);
        List<String> ids = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.atEnd(bootstrap, ContactEvents.TOPIC)) {
            BrokerControl.stop();
            try {
                for (int i = 0; i < 100; i++) {
                    ids.add(given().contentType(ContentType.JSON).body(Fixtures.contactBody(unit))
                        .post("/api/v1/contacts").then().statusCode(201).extract().path("id"));
                }
                for (String id : ids.subList(0, 10)) {
                    Map<String, Object> body = Fixtures.contactBody(unit);
                    given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                        .put("/api/v1/contacts/" + id).then().statusCode(200);
                }
                Number pending = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                    .createNativeQuery("select count(*) from outbox_event where message_key in (:keys)")
                    .setParameter("keys", ids).getSingleResult());
                assertEquals(110, pending.intValue(), "every event waits in the outbox while the broker is down");
            } finally {
                BrokerControl.start();
            }

            Set<String> keys = new HashSet<>(ids);
            probe.await(110, Duration.ofSeconds(120), r -> keys.contains(r.key()));
            List<ConsumerRecord<String, String>> received = probe.drain(Duration.ofSeconds(3), r -> keys.contains(r.key()));

            List<String> createdIds = new ArrayList<>();
            Map<String, List<String>> typesPerKey = new HashMap<>();
            Set<String> eventIds = new HashSet<>();
            for (ConsumerRecord<String, String> record : received) {
                JsonNode event = mapper.readTree(record.value());
                assertTrue(eventIds.add(event.get("id").asText()), "event " + event.get("id") + " arrived twice");
                String type = event.get("type").asText();
                assertEquals(record.key(), event.get("data").get("contactId").asText(), "key = contact id");
                if (type.equals(ContactEvents.CONTACT_CREATED)) {
                    createdIds.add(event.get("data").get("contactId").asText());
                }
                typesPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(type);
            }
            assertEquals(100, createdIds.size(), "exactly 100 ContactCreated");
            assertEquals(new HashSet<>(ids), new HashSet<>(createdIds), "distinct ids, the ones created");
            assertEquals(110, received.size(), "nothing lost, nothing doubled");
            for (String id : ids.subList(0, 10)) {
                assertEquals(List.of(ContactEvents.CONTACT_CREATED, ContactEvents.CONTACT_UPDATED), typesPerKey.get(id),
                    "events of " + id + " in order");
            }
            for (String id : ids.subList(10, 100)) {
                assertEquals(List.of(ContactEvents.CONTACT_CREATED), typesPerKey.get(id));
            }
        }
        Number left = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
            .createNativeQuery("select count(*) from outbox_event where message_key in (:keys)")
            .setParameter("keys", ids).getSingleResult());
        assertEquals(0, left.intValue(), "the relay emptied the outbox");
    }
}
