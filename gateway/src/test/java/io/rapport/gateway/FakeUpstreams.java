package io.rapport.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Three small HTTP servers standing in for contacts, engagement and analytics (they echo what
 * they received and serve a canned OpenAPI document), plus an RS256 key pair generated here:
 * the gateway verifies with its public key, tests sign tokens with its private key.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://issuer.rapport.test";
    public static final String ALLOWED_ORIGIN = "https://app.rapport.test";
    public static final int RATE_CAPACITY = 20;
    public static final int BREAKER_THRESHOLD = 3;

    private Vertx vertx;
    private final Map<String, HttpServer> servers = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();
    private KeyPair keys;
    private KeyPair otherKeys;
    private Path keyFile;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            otherKeys = generator.generateKeyPair();
            keyFile = Files.createTempFile("rapport-gateway-test", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(keyFile, pem);
            vertx = Vertx.vertx();
            for (String name : RouteTable.UPSTREAMS) {
                startServer(name, 0);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>();
        for (String name : RouteTable.UPSTREAMS) {
            config.put("rapport.upstream." + name, "http://127.0.0.1:" + ports.get(name));
        }
        config.put("mp.jwt.verify.publickey.location", keyFile.toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        // 1 s clock skew (0 would mean SmallRye's default, 60 s): TokenCacheTest waits for an expiry
        config.put("mp.jwt.verify.clock.skew", "1");
        config.put("rapport.rate-limit.capacity", Integer.toString(RATE_CAPACITY));
        config.put("rapport.rate-limit.refill-per-second", "0.2");
        config.put("rapport.cors.origins", ALLOWED_ORIGIN + ",http://localhost:5173");
        config.put("rapport.upstream-timeout.analytics", "1s");
        config.put("rapport.breaker.failure-threshold", Integer.toString(BREAKER_THRESHOLD));
        config.put("rapport.breaker.open-for", "1s");
        config.put("rapport.openapi.cache-for", "0s");
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(FakeUpstreams.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
        try {
            Files.deleteIfExists(keyFile);
        } catch (Exception ignored) {
            // temp file
        }
    }

    // ---------------------------------------------------------------- tokens

    public String token(String subject, String... groups) {
        return sign(subject, Set.of(groups), ISSUER, Instant.now().plusSeconds(600), keys.getPrivate());
    }

    /** A valid token that expires at the given instant (the tests run with a 1 s clock skew). */
    public String tokenExpiringAt(Instant expiresAt, String subject, String... groups) {
        return sign(subject, Set.of(groups), ISSUER, expiresAt, keys.getPrivate());
    }

    public String expiredToken(String subject, String... groups) {
        return sign(subject, Set.of(groups), ISSUER, Instant.now().minusSeconds(3600), keys.getPrivate());
    }

    public String tokenSignedByAnotherKey(String subject, String... groups) {
        return sign(subject, Set.of(groups), ISSUER, Instant.now().plusSeconds(600), otherKeys.getPrivate());
    }

    public String tokenFromAnotherIssuer(String subject, String... groups) {
        return sign(subject, Set.of(groups), "https://someone-else.test", Instant.now().plusSeconds(600),
            keys.getPrivate());
    }

    private static String sign(String subject, Set<String> groups, String issuer, Instant expiresAt, PrivateKey key) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(groups)
            .issuedAt(expiresAt.minusSeconds(1200)).expiresAt(expiresAt).jws().algorithm(
                io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }

    // ---------------------------------------------------------------- upstream control

    public int port(String name) {
        return ports.get(name);
    }

    public void stopUpstream(String name) {
        await(servers.remove(name).close());
    }

    public void startUpstream(String name) {
        startServer(name, ports.get(name));
    }

    /** Endless streams the fake upstreams are still writing (a closed connection ends one). */
    public int openStreams() {
        return openStreams.get();
    }

    private void startServer(String name, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(name, req));
        await(server.listen(port, "127.0.0.1"));
        servers.put(name, server);
        ports.put(name, server.actualPort());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(String name, HttpServerRequest req) {
        if (req.path().equals("/q/openapi")) {
            req.response().putHeader("Content-Type", "application/json").end(FakeOpenApi.document(name));
            return;
        }
        if (req.path().endsWith("/slow")) {
            vertx.setTimer(5000, id -> {
                if (!req.response().closed()) {
                    req.response().end("{}");
                }
            });
            return;
        }
        if (req.path().endsWith("/broken-stream")) {
            // a chunked body that the upstream abandons half way: one chunk, then the connection is gone
            req.response().setChunked(true).putHeader("Content-Type", "application/json").write("{\"first\":\"chunk\"");
            vertx.setTimer(200, id -> req.connection().close());
            return;
        }
        if (req.path().endsWith("/endless-stream")) {
            // chunks every 20 ms until the gateway goes away (a client that leaves in the middle of a body)
            req.response().setChunked(true).putHeader("Content-Type", "application/json");
            openStreams.incrementAndGet();
            vertx.setPeriodic(20, id -> {
                if (req.response().closed()) {
                    vertx.cancelTimer(id);
                    openStreams.decrementAndGet();
                } else {
                    req.response().write("[" + "x".repeat(1000) + "]");
                }
            });
            return;
        }
        long[] bytes = {0};
        req.handler(buffer -> bytes[0] += buffer.length());
        req.endHandler(v -> {
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", req.method().name())
                .put("path", req.path())
                .put("query", req.query())
                .put("headers", headers)
                .put("bodyBytes", bytes[0]);
            var response = req.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"3\"")
                .putHeader("Retry-After", "7")
                .putHeader("Keep-Alive", "timeout=5")
                .putHeader("X-Upstream", name);
            if (req.method().name().equals("POST")) {
                String location = req.path().endsWith("/relative-location")
                    ? "/api/v1/contacts/0000-relative"
                    : "http://127.0.0.1:" + ports.get(name) + req.path() + "/0000-new";
                response.setStatusCode(201).putHeader("Location", location);
            }
            response.end(echo.encode());
        });
    }
}
