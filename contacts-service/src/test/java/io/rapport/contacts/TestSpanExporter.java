package io.rapport.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The tests' span exporter: Quarkus hands finished spans to every CDI {@code SpanExporter} bean (and,
 * with one present, installs no OTLP exporter), so tests read the spans the service made from here.
 * Every trace is sampled (the default sampler, parent-based always-on).
 */
@ApplicationScoped
public class TestSpanExporter {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
