package io.rapport.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway reads from configuration (prefix {@code rapport}). */
@ConfigMapping(prefix = "rapport")
public interface GatewayConfig {

    /** Base URL of each upstream by name: contacts, engagement, analytics. */
    Map<String, String> upstream();

    /** Time to the response headers of each upstream by name; {@link #defaultTimeout()} when absent. */
    Map<String, Duration> upstreamTimeout();

    @WithDefault("10s")
    Duration defaultTimeout();

    /** TCP connect timeout to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Idle timeout while a body streams (no byte either way for that long aborts the exchange). */
    @WithDefault("30s")
    Duration idleTimeout();

    @WithDefault("100")
    int maxConnectionsPerUpstream();

    /** Public base URL of the gateway (for Location and OpenAPI servers); taken from the request when absent. */
    Optional<String> publicUrl();

    Breaker breaker();

    RateLimit rateLimit();

    Cors cors();

    Limits limits();

    OpenApi openapi();

    TokenCache tokenCache();

    AccessLogSettings accessLog();

    interface Breaker {
        /** Consecutive failures (refused connection, timeout) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 at once before letting one trial request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Bucket size: the burst a principal may send at once. */
        @WithDefault("100")
        int capacity();

        /** Tokens added per second (the sustained rate). */
        @WithDefault("50")
        double refillPerSecond();
    }

    interface Cors {
        /** Allowed origins, exact match (scheme://host[:port]); {@code *} is refused at start. Empty: no cross-origin access. */
        Optional<List<String>> origins();

        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE")
        List<String> methods();

        @WithDefault("Authorization,Content-Type,Accept,If-Match,If-None-Match,Idempotency-Key,X-Request-Id,traceparent,tracestate")
        List<String> headers();

        @WithDefault("ETag,Location,Retry-After,X-Request-Id,Idempotent-Replayed,Content-Disposition")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();
    }

    interface Limits {
        /** Largest request body in bytes (JSON and anything else). 1 MiB. */
        @WithDefault("1048576")
        long maxBody();

        /** Largest body of {@code POST /api/v1/contacts/import} (CSV). 20 MiB. */
        @WithDefault("20971520")
        long maxImportBody();

        /**
         * Longest request URI (path and query) in characters; longer: 414 problem. Under the services' own request-line
         * limit (Quarkus' 4096), which would answer a bare 414.
         */
        @WithDefault("4000")
        long maxUriLength();

        /**
         * Largest request header section in bytes (names, values, separators); larger: 431 problem. Leaves room under
         * the services' own limit (Quarkus' 20 KiB) for the headers the gateway adds.
         */
        @WithDefault("16384")
        long maxHeaderBytes();
    }

    /** Verified bearer tokens remembered so a repeat skips the signature check (expiry is checked every time). */
    interface TokenCache {
        /** Most tokens remembered; 0 turns the cache off. */
        @WithDefault("10000")
        int size();

        /** Longest a verified token is used without verifying it again. */
        @WithDefault("5m")
        Duration maxAge();
    }

    /** The per-request log lines ({@link io.rapport.gateway.AccessLog}), written off the event loops. */
    interface AccessLogSettings {
        /** How often the writer publishes the queued lines (a line appears at most this late). */
        @WithDefault("100ms")
        Duration flushInterval();

        /** Most lines waiting for the writer; more are dropped and counted. */
        @WithDefault("100000")
        int maxPending();
    }

    interface OpenApi {
        /** How long a fetched upstream document is reused before it is fetched again. */
        @WithDefault("30s")
        Duration cacheFor();

        /** Time allowed to fetch one upstream document. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** Where each service serves its own document. */
        @WithDefault("/q/openapi")
        String upstreamPath();

        /** Version written in the merged document's info. */
        @WithDefault("1.0.0")
        String version();
    }
}
