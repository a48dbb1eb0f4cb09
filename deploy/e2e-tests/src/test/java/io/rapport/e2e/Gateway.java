package io.rapport.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.rapport.testsupport.TestTokens;

/**
 * A thread-safe HTTP client of the gateway for the fault tests: never throws on a failed exchange (a refused
 * connection, a reset, a timeout is an {@link Answer} with status -1 and the reason), records each call's
 * duration, and signs tokens per caller, so that concurrent writers each have their own rate-limit bucket.
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the gateway's upstream timeouts (10 s, analytics 30 s): a call that takes this long hung. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static Gateway ofSuite() {
        return new Gateway(RapportSuite.get().gatewayUrl());
    }

    /** One exchange: HTTP status (-1 when none came), body, content type, duration, replay flag. */
    record Answer(int status, String body, String contentType, long millis, boolean replayed, String error) {

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + (error != null ? " (" + error + ")" : "") + " in " + millis + " ms "
                + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    static String editor(String caller) {
        return TestTokens.token("e2e-" + caller, TestTokens.EDITOR);
    }

    static String admin(String caller) {
        return TestTokens.token("e2e-" + caller, TestTokens.ADMIN);
    }

    static String viewer(String caller) {
        return TestTokens.token("e2e-" + caller, TestTokens.VIEWER);
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    Answer post(String path, String token, Object body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b, token);
    }

    /** A GET of a management interface (health, metrics): no token. */
    Answer management(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null);
    }

    private Answer send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(builder.timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(null),
                (System.nanoTime() - t0) / 1_000_000, r.headers().firstValue("Idempotent-Replayed").isPresent(), null);
        } catch (IOException e) {
            return new Answer(-1, null, null, (System.nanoTime() - t0) / 1_000_000, false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Repeats the call until the condition holds; fails with the last answer after the timeout. */
    static Answer eventually(String what, Duration timeout, Supplier<Answer> call, Predicate<Answer> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            ServiceProcess.sleep(250);
        }
        throw new AssertionError("not within " + timeout + ": " + what + "; last answer " + last);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
