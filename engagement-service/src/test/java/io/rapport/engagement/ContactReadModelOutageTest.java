package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.testsupport.DatabaseOutage;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/**
 * A valid contact event that arrives while the database is down is applied once it is back, never
 * dead-lettered. (The consumer used to give up after three attempts, about 9 s here, and dead-letter it:
 * the contact was then missing from the read model for good and every engagement naming it got 422.)
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactReadModelOutageTest {

    /** Long enough for the old consumer's three attempts (each waits for a connection, about 2.5 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aContactEventDuringADatabaseOutageIsAppliedAfterItAndNothingIsDeadLettered() {
        UUID unit = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        try (ContactFixture contacts = new ContactFixture(bootstrap, mapper, contactRefs);
             TopicProbe dlq = TopicProbe.atEnd(bootstrap, ContactFixture.DLQ)) {
            contacts.activeContact(unit); // the consumer is assigned and running before the outage
            try (DatabaseOutage outage = DatabaseOutage.begin()) {
                contacts.created(contact, unit);
                List<ConsumerRecord<String, String>> dead = dlq.drain(OUTAGE, r -> contact.toString().equals(r.key()));
                assertEquals(List.of(), reasons(dead), "nothing is dead-lettered while the database is down");
            }
            ContactRef ref = awaitDespiteReconnects(contacts, contact);
            assertEquals(ContactStatus.ACTIVE, ref.status);
            assertEquals(unit, ref.businessUnitId);
            assertEquals(List.of(), reasons(dlq.drain(Duration.ofSeconds(2), r -> contact.toString().equals(r.key()))),
                "still nothing dead-lettered");
        }
        given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact)).post("/api/v1/engagements")
            .then().statusCode(201);
    }

    /** Waits for the contact; the pool's connections were terminated, so the first reads may fail. */
    private static ContactRef awaitDespiteReconnects(ContactFixture contacts, UUID contact) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                ContactRef ref = contacts.find(contact);
                if (ref != null) {
                    return ref;
                }
            } catch (RuntimeException reconnecting) {
                last = reconnecting.toString();
            }
            ContactFixture.sleep(200);
        }
        throw new AssertionError("contact " + contact + " is missing from the read model 60 s after the outage (last: "
            + last + ")");
    }

    private static List<List<String>> reasons(List<ConsumerRecord<String, String>> dead) {
        return dead.stream().map(r -> ContactFixture.headerValues(r, "dead-letter-reason")).toList();
    }
}
