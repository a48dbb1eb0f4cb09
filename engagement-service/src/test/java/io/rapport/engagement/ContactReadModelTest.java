package io.rapport.engagement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.engagement.service.ContactReadModelService;
import io.rapport.platform.outbox.RelayHeaders;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.RelayRecords;
import io.rapport.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/** The contact read model follows events published on the real rapport.contacts.v1 topic. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactReadModelTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    ContactFixture contacts;

    @BeforeEach
    void open() {
        contacts = new ContactFixture(bootstrap, mapper, contactRefs);
    }

    @AfterEach
    void close() {
        contacts.close();
    }

    @Test
    void followsCreatedLeftAndErasedAndKeepsTheEngagements() {
        UUID unit = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        contacts.created(contact, unit);
        ContactRef created = contacts.awaitContact(contact, c -> c.status == ContactStatus.ACTIVE);
        assertEquals(unit, created.businessUnitId);
        assertEquals(1, created.contactVersion);

        String engagement = given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact))
            .post("/api/v1/engagements").then().statusCode(201).extract().path("id");

        contacts.contactEvent("rapport.contact.left.v1", contact, unit, "LEFT", 2);
        contacts.awaitContact(contact, c -> c.status == ContactStatus.LEFT);
        given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact)).post("/api/v1/engagements")
            .then().statusCode(422).body("errors[0].message", equalTo("contact " + contact + " has left"));

        contacts.contactEvent("rapport.contact.erased.v1", contact, unit, "ERASED", 3);
        ContactRef erased = contacts.awaitContact(contact, c -> c.status == ContactStatus.ERASED);
        assertEquals(3, erased.contactVersion);
        given().contentType(ContentType.JSON).body(EngagementApiTest.oneToOne(contact)).post("/api/v1/engagements")
            .then().statusCode(422).body("errors[0].message", equalTo("contact " + contact + " was erased"));

        // the engagement and its counts stay, with the unit recorded at the time
        given().get("/api/v1/engagements/" + engagement).then().statusCode(200)
            .body("status", equalTo("COMPLETED"))
            .body("participants[0].contactId", equalTo(contact.toString()))
            .body("participants[0].businessUnitId", equalTo(unit.toString()));
        given().queryParam("contactId", contact.toString()).get("/api/v1/engagements").then().body("total", equalTo(1));
        given().queryParam("businessUnitId", unit.toString()).get("/api/v1/engagements").then().body("total", equalTo(1));
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        UUID contact = UUID.randomUUID();
        UUID firstUnit = UUID.randomUUID();
        UUID secondUnit = UUID.randomUUID();
        ObjectNode createdEvent = contacts.envelope(UUID.randomUUID().toString(), "rapport.contact.created.v1",
            "contacts/" + contact, contacts.contactData(contact, firstUnit, "ACTIVE", 1));
        String createdId = contacts.send(contact.toString(), createdEvent);
        contacts.awaitContact(contact, c -> c.contactVersion == 1);
        contacts.contactEvent("rapport.contact.updated.v1", contact, secondUnit, "ACTIVE", 2);
        ContactRef before = contacts.awaitContact(contact, c -> c.contactVersion == 2);

        contacts.send(contact.toString(), createdEvent); // redelivery of the first event
        // an event after it on the same key (same partition) shows the consumer has passed the duplicate
        UUID marker = UUID.randomUUID();
        ObjectNode markerEvent = contacts.envelope(UUID.randomUUID().toString(), "rapport.business-unit.updated.v1",
            "business-units/" + marker, mapper.createObjectNode().put("businessUnitId", marker.toString()));
        contacts.send(contact.toString(), markerEvent);
        contacts.contactEvent("rapport.contact.updated.v1", contact, secondUnit, "ACTIVE", 3);
        ContactRef after = contacts.awaitContact(contact, c -> c.contactVersion == 3);

        assertEquals(before.businessUnitId, after.businessUnitId);
        assertEquals(secondUnit, after.businessUnitId);
        Number applied = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where consumer = :consumer and event_id = :id")
            .setParameter("consumer", ContactReadModelService.CONSUMER).setParameter("id", createdId).getSingleResult());
        assertEquals(1, applied.intValue());
    }

    @Test
    void outOfOrderEventsConvergeOnTheLatestVersion() {
        UUID contact = UUID.randomUUID();
        UUID unit = UUID.randomUUID();
        contacts.contactEvent("rapport.contact.left.v1", contact, unit, "LEFT", 3);
        contacts.awaitContact(contact, c -> c.contactVersion == 3);
        contacts.contactEvent("rapport.contact.updated.v1", contact, UUID.randomUUID(), "ACTIVE", 2);
        contacts.contactEvent("rapport.contact.created.v1", contact, UUID.randomUUID(), "ACTIVE", 1);
        contacts.contactEvent("rapport.contact.erased.v1", contact, unit, "ERASED", 4);
        ContactRef ref = contacts.awaitContact(contact, c -> c.contactVersion == 4);
        assertEquals(ContactStatus.ERASED, ref.status);
        assertEquals(unit, ref.businessUnitId);
        // erasure is final: a late event of an older version does not bring the contact back
        contacts.contactEvent("rapport.contact.updated.v1", contact, unit, "ACTIVE", 2);
        UUID next = UUID.randomUUID(); // an event after it on the same key (partition) shows it was consumed
        contacts.send(contact.toString(), contacts.envelope(UUID.randomUUID().toString(), "rapport.contact.created.v1",
            "contacts/" + next, contacts.contactData(next, unit, "ACTIVE", 1)));
        contacts.awaitContact(next, c -> c.contactVersion == 1);
        assertEquals(ContactStatus.ERASED, contacts.find(contact).status);
    }

    /**
     * An event published with exactly the headers contacts-service's outbox relay sends ({@code content-type:
     * application/cloudevents+json}, {@code ce_id}, {@code ce_type}, trace context) is applied, not dead-lettered.
     * That header set once made the connector's CloudEvents support hand the consumer a {@code JsonObject}, and
     * every real event was dead-lettered while tests publishing without headers stayed green; the channel's
     * {@code cloud-events=false} prevents it, and this test fails without that line.
     */
    @Test
    void anEventWithTheRelaysHeadersIsAppliedNotDeadLettered() {
        UUID contact = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String type = "rapport.contact.created.v1";
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String tracestate = "congo=t61rcWkgMzE";
        ObjectNode event = contacts.envelope(eventId, type, "contacts/" + contact,
            contacts.contactData(contact, UUID.randomUUID(), "ACTIVE", 1));
        try (TopicProbe topic = TopicProbe.atEnd(bootstrap, ContactFixture.TOPIC);
             TopicProbe dlq = TopicProbe.atEnd(bootstrap, ContactFixture.DLQ)) {
            contacts.send(contact.toString(), event.toString(), traceparent, tracestate);
            List<ConsumerRecord<String, String>> sent = topic.await(1, Duration.ofSeconds(30),
                r -> contact.toString().equals(r.key()));
            assertEquals(RelayRecords.describe(RelayHeaders.of(eventId, type, traceparent, tracestate)),
                RelayRecords.describe(sent.get(0).headers()), "the event went out with exactly the relay's headers");

            ContactRef applied;
            try {
                applied = contacts.awaitContact(contact, c -> c.contactVersion == 1);
            } catch (AssertionError notApplied) {
                throw new AssertionError("the event with the relay's headers was not applied; dead-letter reasons: "
                    + deadLetterReasons(dlq, contact), notApplied);
            }
            assertEquals(ContactStatus.ACTIVE, applied.status);
            assertEquals(List.of(), deadLetterReasons(dlq, contact), "the event was not dead-lettered");
        }
    }

    /** The reasons of the contact's records on the dead-letter topic so far. */
    private static List<List<String>> deadLetterReasons(TopicProbe dlq, UUID contact) {
        return dlq.drain(Duration.ofSeconds(2), r -> contact.toString().equals(r.key())).stream()
            .map(r -> ContactFixture.headerValues(r, "dead-letter-reason")).toList();
    }

    @Test
    void unparseableMessagesGoToTheDeadLetterTopicWithTheReasonAndConsumptionCarriesOn() {
        UUID contact = UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.atEnd(bootstrap, ContactFixture.DLQ)) {
            contacts.send(contact.toString(), "this is not a CloudEvent");
            ObjectNode noContactId = contacts.contactData(contact, UUID.randomUUID(), "ACTIVE", 1);
            noContactId.remove("contactId");
            contacts.send(contact.toString(), contacts.envelope(UUID.randomUUID().toString(), "rapport.contact.created.v1",
                "contacts/" + contact, noContactId));
            ObjectNode businessUnit = contacts.envelope(UUID.randomUUID().toString(), "rapport.business-unit.created.v1",
                "business-units/x", mapper.createObjectNode().put("code", "HR"));
            contacts.send(contact.toString(), businessUnit);
            ObjectNode role = contacts.envelope(UUID.randomUUID().toString(), "rapport.stakeholder-role.created.v1",
                "contacts/" + contact + "/stakeholder-roles/y", mapper.createObjectNode().put("projectCode", "ERP"));
            contacts.send(contact.toString(), role);
            contacts.created(contact, UUID.randomUUID());

            contacts.awaitContact(contact, c -> c.status == ContactStatus.ACTIVE);
            List<ConsumerRecord<String, String>> dead = dlq.await(2, Duration.ofSeconds(30),
                r -> contact.toString().equals(r.key()));
            assertEquals(2, dead.size(), "the two bad messages were dead-lettered");
            assertEquals("this is not a CloudEvent", dead.get(0).value());
            for (ConsumerRecord<String, String> record : dead) {
                List<String> reasons = ContactFixture.headerValues(record, "dead-letter-reason");
                assertFalse(reasons.isEmpty(), "a dead letter carries its reason");
                assertFalse(reasons.get(0).isBlank());
            }
            assertTrue(ContactFixture.headerValues(dead.get(1), "dead-letter-reason").get(0).contains("contactId"),
                "the reason says what is missing");
            assertTrue(dead.stream().noneMatch(r -> r.value().contains("rapport.business-unit.")
                || r.value().contains("rapport.stakeholder-role.")), "other events on the topic are ignored, not dead-lettered");
        }
    }
}
