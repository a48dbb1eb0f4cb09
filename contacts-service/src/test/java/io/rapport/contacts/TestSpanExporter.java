package io.rapport.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The tests' span exporter: Quarkus hands finished spans to every CDI {@code SpanExporter} bean (and,
 * with one present, installs no OTLP exporter), so tests read the spans the service made from here.
 * The test profile samples every trace ({@code %test.quarkus.otel.traces.sampler.arg=1}).
 */
@ApplicationScoped
public class TestSpanExporter {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
