package io.rapport.platform.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka headers {@link OutboxRelay} puts on every record it publishes, built in this one place so
 * that consumers' tests can publish exactly what production sends. They matter to consumers: the
 * {@code content-type: application/cloudevents+json} header alone makes the SmallRye Kafka connector's
 * CloudEvents support hand a channel a {@code JsonObject} instead of the raw JSON text (unless the
 * channel sets {@code cloud-events=false}), and the trace context continues the writing request's trace.
 */
public final class RelayHeaders {

    public static final String CONTENT_TYPE = "content-type";
    /** CloudEvents structured mode: the record's value is the whole JSON envelope. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String TRACEPARENT = TraceHeaders.TRACEPARENT;
    public static final String TRACESTATE = TraceHeaders.TRACESTATE;

    private RelayHeaders() {
    }

    /**
     * The headers of one event, in the order the relay adds them: {@code content-type}, {@code ce_id},
     * {@code ce_type}, then {@code traceparent} and {@code tracestate} when the event was written in a
     * trace ({@code tracestate} only with a {@code traceparent}, as the W3C context has it).
     *
     * @param traceparent W3C {@code traceparent} the event was written in, null if untraced
     * @param tracestate  W3C {@code tracestate} that came with it, null if none
     */
    public static Headers of(String eventId, String eventType, String traceparent, String tracestate) {
        Headers headers = new RecordHeaders();
        add(headers, CONTENT_TYPE, CLOUDEVENTS_JSON);
        add(headers, CE_ID, eventId);
        add(headers, CE_TYPE, eventType);
        if (traceparent != null) {
            add(headers, TRACEPARENT, traceparent);
            if (tracestate != null) {
                add(headers, TRACESTATE, tracestate);
            }
        }
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
