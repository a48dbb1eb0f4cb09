package io.rapport.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.testsupport.RelayRecords;
import io.rapport.testsupport.TopicProbe;

/**
 * Publishes contact events on the real {@code rapport.contacts.v1} topic, as contacts-service does
 * (CloudEvents structured JSON, key = contactId, the agreed bodies, the outbox relay's headers), and waits
 * for the read model.
 */
public final class ContactFixture implements AutoCloseable {

    public static final String TOPIC = "rapport.contacts.v1";
    public static final String DLQ = "rapport.contacts.v1.dlq";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper mapper;
    private final ContactRefRepository contacts;

    public ContactFixture(String bootstrap, ObjectMapper mapper, ContactRefRepository contacts) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        TopicProbe.ensureTopic(bootstrap, TOPIC);
        TopicProbe.ensureTopic(bootstrap, DLQ);
        this.producer = new KafkaProducer<>(props);
        this.mapper = mapper;
        this.contacts = contacts;
    }

    /** The agreed body of created / updated / left, version 2: version 1's and the four stay-in-touch fields. */
    public ObjectNode contactData(String schemaVersion, UUID contactId, UUID unitId, String status, long version) {
        ObjectNode data = contactData(contactId, unitId, status, version);
        if ("v2".equals(schemaVersion)) {
            ObjectNode v2 = mapper.createObjectNode();
            data.fieldNames().forEachRemaining(name -> {
                if (name.equals("version")) {
                    v2.put("cadenceDays", 30);
                    v2.put("influence", "HIGH");
                    v2.putNull("interest");
                    v2.put("stance", "SCEPTIC");
                }
                v2.set(name, data.get(name));
            });
            return v2;
        }
        return data;
    }

    /** The agreed body of created / updated / left, version 1. */
    public ObjectNode contactData(UUID contactId, UUID unitId, String status, long version) {
        ObjectNode data = mapper.createObjectNode();
        data.put("contactId", contactId.toString());
        data.put("businessUnitId", unitId.toString());
        data.put("status", status);
        data.put("fullName", "Priya Shah");
        data.put("email", "priya.shah." + contactId.toString().substring(0, 8) + "@example.com");
        data.put("phone", "+44 20 7946 0000");
        data.put("jobTitle", "HR Business Partner");
        data.put("seniority", "MANAGER");
        data.putArray("expertise").add("recruitment").add("secondments");
        ObjectNode owner = data.putObject("owner");
        owner.put("name", "Sam Lee");
        owner.put("email", "sam.lee@example.com");
        data.put("kind", "INTERNAL");
        data.put("version", version);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    /** The agreed body of erased. */
    public ObjectNode erasedData(UUID contactId, UUID unitId, long version) {
        ObjectNode data = mapper.createObjectNode();
        data.put("contactId", contactId.toString());
        data.put("businessUnitId", unitId.toString());
        data.put("status", "ERASED");
        data.put("version", version);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    public ObjectNode envelope(String eventId, String type, String subject, ObjectNode data) {
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/rapport/contacts-service");
        event.put("type", type);
        event.put("time", Instant.now().toString());
        event.put("subject", subject);
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** Sends an event and waits for the broker's acknowledgement; returns the event id. */
    public String send(String key, ObjectNode event) {
        send(key, event.toString());
        return event.get("id").asText();
    }

    public void send(String key, String value) {
        send(key, value, null, null);
    }

    /**
     * Sends with the headers contacts-service's outbox relay puts on the record ({@link RelayRecords}:
     * {@code content-type}, {@code ce_*}, and the trace context when {@code traceparent} is given), so the
     * consumer sees what production sends, and waits for the acknowledgement.
     */
    public void send(String key, String value, String traceparent, String tracestate) {
        try {
            producer.send(RelayRecords.record(TOPIC, key, value, traceparent, tracestate)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    public String contactEvent(String type, UUID contactId, UUID unitId, String status, long version) {
        ObjectNode data = type.endsWith(".erased.v1") ? erasedData(contactId, unitId, version)
            : contactData(contactId, unitId, status, version);
        return send(contactId.toString(), envelope(UUID.randomUUID().toString(), type, "contacts/" + contactId, data));
    }

    public String created(UUID contactId, UUID unitId) {
        return contactEvent("rapport.contact.created.v1", contactId, unitId, "ACTIVE", 1);
    }

    /** Publishes ContactCreated and waits until the read model has the contact. */
    public UUID activeContact(UUID unitId) {
        UUID contactId = UUID.randomUUID();
        created(contactId, unitId);
        awaitContact(contactId, c -> c.contactVersion >= 1);
        return contactId;
    }

    public ContactRef find(UUID contactId) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findById(contactId));
    }

    /** Waits until the read model's row of the contact matches; fails after 30 s. */
    public ContactRef awaitContact(UUID contactId, Predicate<ContactRef> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ContactRef ref = find(contactId);
            if (ref != null && condition.test(ref)) {
                return ref;
            }
            sleep(100);
        }
        throw new AssertionError("the read model did not reach the expected state for contact " + contactId
            + " within 30 s; it holds " + describe(find(contactId)));
    }

    public static String describe(ContactRef ref) {
        return ref == null ? "nothing" : Map.of("status", ref.status, "businessUnitId", String.valueOf(ref.businessUnitId),
            "version", ref.contactVersion).toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<String> headerValues(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        List<String> values = new java.util.ArrayList<>();
        record.headers().headers(name).forEach(h -> values.add(new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return values;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
