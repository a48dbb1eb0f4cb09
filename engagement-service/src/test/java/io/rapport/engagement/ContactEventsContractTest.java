package io.rapport.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.TopicProbe;

/**
 * Consumer-side contract with contacts-service: events that conform to contacts-service's own JSON
 * Schemas (read from its source tree, the single source of truth; no copies here) are accepted by
 * this service's consumer: contact events change the read model, the other event types on the topic
 * are ignored and never dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactEventsContractTest {

    /** Relative to this module's directory, where Maven runs the tests. */
    static final Path SCHEMAS = Path.of("..", "contacts-service", "src", "main", "resources", "schemas", "events");

    @Inject
    ObjectMapper mapper;

    @Inject
    ContactRefRepository contactRefs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Event type (rapport.&lt;file name without .schema.json&gt;) → schema. */
    Map<String, JsonNode> schemas() throws IOException {
        assertTrue(Files.isDirectory(SCHEMAS), "contacts-service's event schemas are expected at "
            + SCHEMAS.toAbsolutePath().normalize());
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                String name = file.getFileName().toString();
                schemas.put("rapport." + name.substring(0, name.length() - ".schema.json".length()),
                    mapper.readTree(file.toFile()));
            }
        }
        return schemas;
    }

    static JsonSchema compile(JsonNode schema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonNode declared = schema.get("$schema");
        SpecVersion.VersionFlag version = declared != null && declared.asText().contains("draft-07")
            ? SpecVersion.VersionFlag.V7 : SpecVersion.VersionFlag.V202012;
        return JsonSchemaFactory.getInstance(version).getSchema(schema, config);
    }

    /** Whether the schema describes the whole CloudEvents envelope rather than its data. */
    static boolean describesEnvelope(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        return properties != null && properties.has("specversion");
    }

    void assertConforms(String type, JsonNode schema, ObjectNode envelope) {
        JsonNode subject = describesEnvelope(schema) ? envelope : envelope.get("data");
        Set<ValidationMessage> errors = compile(schema).validate(subject);
        assertTrue(errors.isEmpty(), "the sample " + type + " does not conform to contacts-service's schema: " + errors
            + "\n" + subject);
    }

    @Test
    void contactEventsConformingToTheProducersSchemasAreApplied() throws IOException {
        appliedInOrder("v1");
    }

    /** Version 2 adds cadenceDays, influence, interest and stance; the read model takes it like version 1. */
    @Test
    void version2ContactEventsAreAppliedLikeVersion1() throws IOException {
        appliedInOrder("v2");
    }

    private void appliedInOrder(String schemaVersion) throws IOException {
        Map<String, JsonNode> schemas = schemas();
        String created = "rapport.contact.created." + schemaVersion;
        String updated = "rapport.contact.updated." + schemaVersion;
        String left = "rapport.contact.left." + schemaVersion;
        for (String type : List.of(created, updated, left, "rapport.contact.erased.v1")) {
            assertTrue(schemas.containsKey(type), "contacts-service has a schema for " + type + " in " + SCHEMAS
                + " (found " + schemas.keySet() + ")");
        }
        try (ContactFixture contacts = new ContactFixture(bootstrap, mapper, contactRefs)) {
            UUID contact = UUID.randomUUID();
            UUID unit = UUID.randomUUID();
            UUID newUnit = UUID.randomUUID();
            List<Object[]> steps = List.of(
                new Object[] {created, contacts.contactData(schemaVersion, contact, unit, "ACTIVE", 1)},
                new Object[] {updated, contacts.contactData(schemaVersion, contact, newUnit, "ACTIVE", 2)},
                new Object[] {left, contacts.contactData(schemaVersion, contact, newUnit, "LEFT", 3)},
                new Object[] {"rapport.contact.erased.v1", contacts.erasedData(contact, newUnit, 4)});
            ContactStatus[] expected = {ContactStatus.ACTIVE, ContactStatus.ACTIVE, ContactStatus.LEFT, ContactStatus.ERASED};
            for (int i = 0; i < steps.size(); i++) {
                String type = (String) steps.get(i)[0];
                ObjectNode data = (ObjectNode) steps.get(i)[1];
                ObjectNode envelope = contacts.envelope(UUID.randomUUID().toString(), type, "contacts/" + contact, data);
                assertConforms(type, schemas.get(type), envelope);
                contacts.send(contact.toString(), envelope);
                long version = i + 1;
                ContactStatus status = expected[i];
                ContactRef ref = contacts.awaitContact(contact, c -> c.contactVersion == version && c.status == status);
                assertEquals(i == 0 ? unit : newUnit, ref.businessUnitId);
            }
        }
    }

    @Test
    void everyExampleAndEveryOtherEventTypeOfTheProducerIsAcceptedNotDeadLettered() throws IOException {
        Map<String, JsonNode> schemas = schemas();
        List<String> checked = new ArrayList<>();
        try (ContactFixture contacts = new ContactFixture(bootstrap, mapper, contactRefs);
             TopicProbe dlq = TopicProbe.atEnd(bootstrap, ContactFixture.DLQ)) {
            String key = UUID.randomUUID().toString();
            for (Map.Entry<String, JsonNode> entry : schemas.entrySet()) {
                JsonNode examples = entry.getValue().get("examples");
                if (examples == null || !examples.isArray() || examples.isEmpty()) {
                    if (!entry.getKey().startsWith("rapport.contact.")) {
                        // no example to send: the type alone must make the consumer ignore it
                        contacts.send(key, contacts.envelope(UUID.randomUUID().toString(), entry.getKey(),
                            "contract/" + key, mapper.createObjectNode()));
                        checked.add(entry.getKey());
                    }
                    continue;
                }
                for (JsonNode example : examples) {
                    ObjectNode envelope = describesEnvelope(entry.getValue()) ? (ObjectNode) example.deepCopy()
                        : contacts.envelope(UUID.randomUUID().toString(), entry.getKey(), "contract/" + key,
                            (ObjectNode) example.deepCopy());
                    envelope.put("id", UUID.randomUUID().toString()); // a fresh event each run
                    assertConforms(entry.getKey(), entry.getValue(), envelope);
                    contacts.send(key, envelope);
                    checked.add(entry.getKey());
                }
            }
            // a contact event after them on the same key (partition) shows they were all consumed
            UUID marker = UUID.randomUUID();
            contacts.send(key, contacts.envelope(UUID.randomUUID().toString(), "rapport.contact.created.v1",
                "contacts/" + marker, contacts.contactData(marker, UUID.randomUUID(), "ACTIVE", 1)));
            contacts.awaitContact(marker, c -> c.status == ContactStatus.ACTIVE);
            List<ConsumerRecord<String, String>> dead = dlq.drain(Duration.ofSeconds(3), r -> key.equals(r.key()));
            assertEquals(List.of(), dead.stream().map(r -> ContactFixture.headerValues(r, "dead-letter-reason")).toList(),
                "no example of contacts-service's schemas was dead-lettered (checked " + checked + ")");
        }
        assertTrue(checked.containsAll(schemas.keySet().stream().filter(t -> !t.startsWith("rapport.contact.")).toList()),
            "every other event type the producer declares was sent: " + checked);
        assertFalse(schemas.isEmpty());
    }
}
