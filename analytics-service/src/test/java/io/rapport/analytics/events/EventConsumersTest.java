package io.rapport.analytics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.analytics.mapping.EventParser;
import io.rapport.analytics.service.FoldService;
import io.rapport.platform.metrics.ConsumerMetrics;
import io.rapport.platform.events.CloudEventCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;

/**
 * The dead-letter path of {@link EventConsumers} without a broker: what reaches the dead-letter emitter, with which
 * reason, for records that never reach the database (so the fold service needs none).
 */
class EventConsumersTest {

    private static final String TOPIC = "rapport.engagements.v1";

    /** Records what is sent; every send is acknowledged at once. */
    static final class RecordingEmitter implements MutinyEmitter<String> {
        final List<String> payloads = new ArrayList<>();
        final List<Map<String, String>> headers = new ArrayList<>();

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
            String payload = message.getPayload(); // a value of another type would fail here, as in a String serializer
            payloads.add(payload);
            Map<String, String> h = new LinkedHashMap<>();
            message.getMetadata(OutgoingKafkaRecordMetadata.class).ifPresent(m -> {
                for (Header header : m.getHeaders()) {
                    h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            });
            headers.add(h);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    static {
        // the consumer metrics name their group from the configuration, which a plain unit test does not load
        System.setProperty("quarkus.application.name", "analytics-service");
    }

    private final RecordingEmitter contactsDlq = new RecordingEmitter();
    private final RecordingEmitter engagementsDlq = new RecordingEmitter();
    private final EventConsumers consumers = new EventConsumers(
        new CloudEventCodec(new ObjectMapper().findAndRegisterModules()),
        new EventParser(), new FoldService(null, null, null, null, null),
        new ConsumerMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), null), contactsDlq, engagementsDlq,
        Duration.ofMillis(10), Duration.ofMillis(50));

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConsumerRecords<String, String> batch(Object... values) {
        TopicPartition partition = new TopicPartition(TOPIC, 2);
        List records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord(TOPIC, 2, 40L + i, "key-" + i, values[i]));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }

    /**
     * A value that is not the raw JSON text (what the connector's CloudEvents support makes of the relay's records
     * when {@code cloud-events=false} is missing) is dead-lettered as its text with the reason; before, its
     * dead-lettering failed in the String serializer and was retried without end, stalling the partition.
     */
    @Test
    void aValueOfAnotherTypeIsDeadLetteredAsTextAndTheBatchCompletes() {
        JsonObject converted = new JsonObject().put("engagementId", "3c1e6a3e-7d8e-4a57-9a55-7f0a2b0c9d11");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> consumers.engagements(batch(converted, null)));

        assertEquals(List.of(converted.encode()), engagementsDlq.payloads);
        Map<String, String> headers = engagementsDlq.headers.get(0);
        assertTrue(headers.get(EventConsumers.DEAD_LETTER_REASON).startsWith("the record value is a JsonObject, not the raw"),
            headers.toString());
        assertEquals(TOPIC, headers.get("dead-letter-topic"));
        assertEquals("2", headers.get("dead-letter-partition"));
        assertEquals("40", headers.get("dead-letter-offset"));
        assertTrue(contactsDlq.payloads.isEmpty());
    }

    @Test
    void textThatIsNotAnEnvelopeIsDeadLetteredWithTheParsersReason() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> consumers.engagements(batch("{not json")));

        assertEquals(List.of("{not json"), engagementsDlq.payloads);
        assertTrue(engagementsDlq.headers.get(0).get(EventConsumers.DEAD_LETTER_REASON)
            .startsWith("not a CloudEvents JSON envelope"), engagementsDlq.headers.get(0).toString());
    }
}
