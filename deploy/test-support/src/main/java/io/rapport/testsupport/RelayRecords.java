package io.rapport.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.platform.outbox.RelayHeaders;

/**
 * Kafka records for consumers' tests, with the headers a service's outbox relay sends
 * ({@link RelayHeaders}): a consumer's tests then see what production sends. A test publishing with a
 * plain producer and no headers once let a real defect through: the relay's {@code content-type} header
 * made the connector hand the consumers a {@code JsonObject}, and every real event was dead-lettered.
 *
 * <p>The event id and type come from the CloudEvents JSON envelope in the value, as the relay takes
 * them from the outbox row written with that envelope. A value that is no such envelope (a test's
 * poison message) could not have come from a relay and is sent without headers.
 */
public final class RelayRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RelayRecords() {
    }

    /** The record of an event written outside any trace. */
    public static ProducerRecord<String, String> record(String topic, String key, String value) {
        return record(topic, key, value, null, null);
    }

    /** The record of an event written in the given W3C trace context ({@code tracestate} may be null). */
    public static ProducerRecord<String, String> record(String topic, String key, String value,
                                                        String traceparent, String tracestate) {
        JsonNode envelope = envelope(value);
        if (envelope == null) {
            return new ProducerRecord<>(topic, key, value);
        }
        return new ProducerRecord<>(topic, null, key, value,
            RelayHeaders.of(envelope.get("id").asText(), envelope.get("type").asText(), traceparent, tracestate));
    }

    /** The headers as {@code name: value} lines, in order: a readable comparison with {@link RelayHeaders#of}. */
    public static List<String> describe(Headers headers) {
        List<String> lines = new ArrayList<>();
        headers.forEach(h -> lines.add(h.key() + ": " + (h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))));
        return lines;
    }

    /** The value as a CloudEvents envelope with an id and a type, or null. */
    private static JsonNode envelope(String value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(value);
            return node != null && node.path("id").isTextual() && node.path("type").isTextual() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
