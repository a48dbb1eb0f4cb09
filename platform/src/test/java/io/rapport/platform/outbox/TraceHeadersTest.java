package io.rapport.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/** The trace context an outbox row keeps, with the OpenTelemetry API only (no SDK on this class path). */
class TraceHeadersTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN_ID = "b7ad6b7169203331";

    @Test
    void outsideAnySpanThereIsNothingToKeep() {
        assertEquals(TraceHeaders.NONE, TraceHeaders.current());
    }

    @Test
    void theCurrentSpanGivesTraceparentAndTracestate() {
        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
            TraceState.builder().put("congo", "t61rcWkgMzE").build());
        try (Scope ignored = Context.root().with(Span.wrap(context)).makeCurrent()) {
            TraceHeaders headers = TraceHeaders.current();
            assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-01", headers.traceparent());
            assertEquals("congo=t61rcWkgMzE", headers.tracestate());
        }
        assertEquals(TraceHeaders.NONE, TraceHeaders.current());
    }

    @Test
    void anUnsampledSpanIsKeptUnsampledAndWithoutTracestate() {
        SpanContext context = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getDefault(), TraceState.getDefault());
        try (Scope ignored = Context.root().with(Span.wrap(context)).makeCurrent()) {
            TraceHeaders headers = TraceHeaders.current();
            assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-00", headers.traceparent());
            assertNull(headers.tracestate());
        }
    }
}
