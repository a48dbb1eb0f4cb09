package io.rapport.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The demo's HTTP client of the gateway, with real bearer tokens: RS256 JWTs signed with the local stack's key
 * ({@code .rapport/jwt/private.pem}, the key the gateway and the services trust, as {@code rapport token} does),
 * one subject per loader thread ({@code demo-loader-N}, so each has its own rate-limit bucket). A POST carries an
 * Idempotency-Key; 429 (waits Retry-After), 502/503/504, a refused connection, and 422 for a contact
 * engagement-service has not learnt yet are retried.
 */
final class DemoClient {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration RETRY_FOR = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final PrivateKey key;
    private final String issuer;

    /** What an exchange gave: status, body as JSON, and whether it replayed an earlier answer. */
    record Answer(int status, JsonNode json, boolean replayed, String body) {
        String id() {
            return json.path("id").asText(null);
        }
    }

    DemoClient(String baseUrl, Path privateKeyPem, String issuer) throws IOException, GeneralSecurityException {
        this.baseUrl = baseUrl;
        this.issuer = issuer;
        String pem = Files.readString(privateKeyPem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    /** An RS256 token for {@code subject} with one Rapport role, valid for two hours. */
    String token(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        String header = b64(json(Map.of("alg", "RS256", "typ", "JWT")));
        String payload = b64(json(Map.of("iss", issuer, "sub", subject, "upn", subject, "groups", List.of(role), "iat", now,
            "exp", now + 7200, "jti", java.util.UUID.randomUUID().toString())));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    Answer get(String token, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    Answer post(String token, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(b, token);
    }

    Answer postCsv(String token, String path, String csv, String idempotencyKey) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "text/csv")
            .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(csv)), token);
    }

    Answer delete(String token, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), token);
    }

    private Answer exchange(HttpRequest.Builder builder, String token) {
        HttpRequest request = builder.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(40)).build();
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        long backoff = 200;
        while (true) {
            Answer answer;
            long wait = backoff;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                answer = new Answer(r.statusCode(), parse(r.body()), r.headers().firstValue("Idempotent-Replayed").isPresent(),
                    r.body());
                if (!retryable(answer)) {
                    return answer;
                }
                if (r.statusCode() == 429) {
                    wait = 1000L * r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                }
            } catch (IOException e) {
                answer = new Answer(-1, MissingNode.getInstance(), false, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                return answer;
            }
            sleep(wait);
            backoff = Math.min(backoff * 2, 3000);
        }
    }

    /** Worth another try: throttled, the upstream briefly away, or a contact engagement-service does not know yet. */
    private static boolean retryable(Answer a) {
        return a.status() == 429 || a.status() == 502 || a.status() == 503 || a.status() == 504
            || a.status() == 422 && a.body() != null && a.body().contains(" is unknown");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
