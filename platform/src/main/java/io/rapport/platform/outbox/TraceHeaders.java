package io.rapport.platform.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) current when an event is written
 * to the outbox, so the relay, which publishes later on its own thread, can hand it on as Kafka
 * headers. Uses only the OpenTelemetry API: without a tracing SDK (or outside any span) there is no
 * current span and both values are null. Tracing never fails a write: any error gives {@link #NONE}.
 */
record TraceHeaders(String traceparent, String tracestate) {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final TraceHeaders NONE = new TraceHeaders(null, null);

    /** The context of the current span, or {@link #NONE}. */
    static TraceHeaders current() {
        try {
            Map<String, String> carrier = new HashMap<>(4);
            W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier,
                (map, key, value) -> map.put(key, value));
            String traceparent = carrier.get(TRACEPARENT);
            if (traceparent == null) {
                return NONE;
            }
            String tracestate = carrier.get(TRACESTATE);
            return new TraceHeaders(traceparent, tracestate == null || tracestate.isEmpty() ? null : tracestate);
        } catch (RuntimeException | LinkageError e) {
            return NONE;
        }
    }
}
