package io.rapport.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.testsupport.RelayRecords;

/**
 * Builds events as the producers write them (CloudEvents structured JSON) and publishes them with a plain producer,
 * with the headers the producers' outbox relays send ({@link RelayRecords}), so the consumers see what production sends.
 */
public final class TestEvents implements AutoCloseable {

    public static final String CONTACTS = "rapport.contacts.v1";
    public static final String ENGAGEMENTS = "rapport.engagements.v1";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public TestEvents(String bootstrap) {
        producer = new KafkaProducer<>(producerProperties(bootstrap));
    }

    /** The tests' producer settings: String keys and values, acks=all, idempotent. */
    static Properties producerProperties(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    public void send(String topic, String key, String value) {
        try {
            producer.send(RelayRecords.record(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public void sendAll(String topic, List<String[]> keyValues) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (String[] kv : keyValues) {
            sent.add(producer.send(RelayRecords.record(topic, kv[0], kv[1])));
        }
        producer.flush();
        for (var f : sent) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not publish to " + topic, e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    public static String envelope(String id, String source, String type, String subject, Object data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", id);
        e.put("source", source);
        e.put("type", type);
        e.put("time", "2026-11-25T10:00:00Z");
        e.put("subject", subject);
        e.put("datacontenttype", "application/json");
        e.put("data", data);
        try {
            return MAPPER.writeValueAsString(e);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static ObjectNode contact(UUID contactId, UUID unitId, String ownerEmail, String kind, long version) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("contactId", contactId.toString());
        d.put("businessUnitId", unitId.toString());
        d.put("status", "ACTIVE");
        d.put("fullName", "Test Person");
        d.put("email", "person." + contactId.toString().substring(0, 8) + "@example.com");
        d.putNull("phone");
        d.put("jobTitle", "Analyst");
        d.put("seniority", "MANAGER");
        d.putArray("expertise").add("finance");
        if (ownerEmail == null) {
            d.putNull("owner");
        } else {
            d.putObject("owner").put("name", "Sam Lee").put("email", ownerEmail);
        }
        d.put("kind", kind);
        d.put("version", version);
        d.put("occurredAt", "2026-11-25T10:00:00Z");
        return d;
    }

    public static String contactCreated(UUID contactId, UUID unitId, String ownerEmail) {
        return envelope(UUID.randomUUID().toString(), "/rapport/contacts-service", "rapport.contact.created.v1",
            "contacts/" + contactId, contact(contactId, unitId, ownerEmail, "INTERNAL", 1));
    }

    /** The engagement-service snapshot of an engagement state. */
    public static ObjectNode snapshot(EngagementSnapshot s, long version, Map<UUID, UUID> unitOf) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("engagementId", s.id().toString());
        d.put("version", version);
        d.put("type", s.type().name());
        d.put("title", "Engagement " + s.id().toString().substring(0, 8));
        d.put("startAt", s.startAt().toString());
        if (s.endAt() == null) {
            d.putNull("endAt");
        } else {
            d.put("endAt", s.endAt().toString());
        }
        d.put("status", s.status().name());
        d.put("direction", s.direction().name());
        d.put("effortHours", s.effortHours() == null ? 0.0 : s.effortHours());
        if (s.sentiment() == null) {
            d.putNull("sentiment");
        } else {
            d.put("sentiment", s.sentiment());
        }
        d.putObject("lead").put("name", "Sam Lee").put("email", "sam.lee@example.com");
        d.putNull("forumId");
        d.putNull("hoursPledged");
        d.putNull("hoursDelivered");
        var ps = d.putArray("participants");
        for (UUID c : s.participants()) {
            UUID unit = unitOf.get(c);
            ObjectNode p = ps.addObject().put("contactId", c.toString()).put("role", "ATTENDEE");
            if (unit == null) {
                p.putNull("businessUnitId");
            } else {
                p.put("businessUnitId", unit.toString());
            }
        }
        if (s.completedAt() != null) {
            d.put("completedAt", s.completedAt().toString());
        }
        d.put("groupSize", s.participants().size());
        d.put("occurredAt", Instant.parse("2026-11-25T10:00:00Z").toString());
        return d;
    }
}
