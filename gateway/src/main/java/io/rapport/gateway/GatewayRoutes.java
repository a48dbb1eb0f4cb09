package io.rapport.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's HTTP pipeline on the Vert.x router: request id, CORS, then for {@code /api/*}
 * authentication, roles, rate limit, body limit, circuit breaker and a streaming reverse proxy.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    public static final String REQUEST_ID = "X-Request-Id";
    static final String MDC_REQUEST_ID = "requestId";
    private static final String REQUEST_ID_LOWER = REQUEST_ID.toLowerCase(Locale.ROOT);
    private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    /** Hop-by-hop headers (RFC 9110 7.6.1) and others the gateway sets itself: never copied across. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
        "http2-settings");

    /** W3C trace context: replaced by the gateway's own (a child of its server span) when tracing is on. */
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final TextMapSetter<MultiMap> SET_HEADER = (headers, name, value) -> headers.set(name, value);

    /** Request-context local that Quarkus' Micrometer and OpenTelemetry integrations read as the route template. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /** Upstream response headers the gateway owns (CORS is decided here, not upstream). */
    private static final Set<String> OWNED_RESPONSE_HEADERS = Set.of("access-control-allow-origin",
        "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers",
        "access-control-allow-credentials", "access-control-max-age", "x-request-id");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Authenticator authenticator;

    @Inject
    OpenApiAggregator openApi;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    AccessLog accessLog;

    private TextMapPropagator propagator;

    private final Map<String, Upstream> upstreams = new HashMap<>();
    private TokenBucketRateLimiter rateLimiter;
    private Set<String> corsOrigins;
    private Set<String> corsHeadersLower;
    private Set<String> corsMethods;

    /** One upstream: where it is, its clients (a connection pool per event loop), breaker and timeout. */
    record Upstream(String name, String scheme, String host, int port, String basePath, UpstreamClients clients,
        CircuitBreaker breaker, long timeoutMillis) {

        String origin() {
            return scheme + "://" + host + ":" + port;
        }

        /** The client of the calling event loop: the upstream connection stays on the request's thread. */
        HttpClient client() {
            return clients.current();
        }
    }

    void init(@Observes Router router) {
        configure();
        router.route().order(-2000).handler(this::requestId);
        new RequestShape(config.limits().maxUriLength(), config.limits().maxHeaderBytes()).install(router, -1500);
        router.route().order(-1000).handler(this::cors);
        router.get("/openapi").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(openApi::handle);
        RequestShape.onlyAllow(router, "/openapi", RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1, HttpMethod.GET);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::proxy);
    }

    private void configure() {
        propagator = openTelemetry.getPropagators().getTextMapPropagator();
        for (String name : RouteTable.UPSTREAMS) {
            String url = config.upstream().get(name);
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("rapport.upstream." + name + " is not configured");
            }
            URI uri = URI.create(url);
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
            String basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            HttpClientOptions options = new HttpClientOptions()
                .setSsl(ssl)
                .setDefaultHost(uri.getHost())
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false)
                // the trace context is injected by Exchange (a child of the server span), not by a client span
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setName("rapport-upstream-" + name);
            UpstreamClients clients = new UpstreamClients(vertx, options, config.maxConnectionsPerUpstream());
            long timeout = config.upstreamTimeout().getOrDefault(name, config.defaultTimeout()).toMillis();
            CircuitBreaker breaker = new CircuitBreaker(config.breaker().failureThreshold(),
                config.breaker().openFor().toNanos(), System::nanoTime);
            upstreams.put(name, new Upstream(name, ssl ? "https" : "http", uri.getHost(), port, basePath, clients,
                breaker, timeout));
        }
        openApi.setUpstreams(upstreams);
        rateLimiter = new TokenBucketRateLimiter(config.rateLimit().capacity(), config.rateLimit().refillPerSecond(),
            System::nanoTime);
        List<String> origins = config.cors().origins().orElse(List.of());
        for (String o : origins) {
            if (o.contains("*")) {
                throw new IllegalStateException("rapport.cors.origins must list origins; '*' is not allowed: " + o);
            }
        }
        corsOrigins = Set.copyOf(origins);
        corsMethods = new HashSet<>();
        config.cors().methods().forEach(m -> corsMethods.add(m.trim().toUpperCase(Locale.ROOT)));
        corsHeadersLower = new HashSet<>();
        config.cors().headers().forEach(h -> corsHeadersLower.add(h.trim().toLowerCase(Locale.ROOT)));
        LOG.infof("gateway routes: contacts=%s engagement=%s analytics=%s; CORS origins %s; "
            + "upstream connections per event loop: %d (%d loops)",
            upstreams.get("contacts").origin(), upstreams.get("engagement").origin(),
            upstreams.get("analytics").origin(), corsOrigins,
            upstreams.get("contacts").clients().connectionsPerLoop(), UpstreamClients.eventLoops(vertx));
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(u -> u.clients().close());
    }

    // ---------------------------------------------------------------- request id

    void requestId(RoutingContext ctx) {
        String id = ctx.request().getHeader(REQUEST_ID);
        if (id == null || !VALID_REQUEST_ID.matcher(id).matches()) {
            id = newRequestId();
        }
        ctx.put(MDC_REQUEST_ID, id);
        MDC.put(MDC_REQUEST_ID, id);
        ctx.response().putHeader(REQUEST_ID, id);
        ctx.next();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: {@code UUID.randomUUID()} draws from the
     * shared SecureRandom (one lock for all event loops); a request id is a correlation id, not a secret.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    // ---------------------------------------------------------------- CORS

    void cors(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String origin = req.getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpServerResponse resp = ctx.response();
        resp.headers().add("Vary", "Origin");
        boolean allowed = corsOrigins.contains(origin);
        String requestedMethod = req.getHeader("Access-Control-Request-Method");
        if (req.method() == HttpMethod.OPTIONS && requestedMethod != null) {
            if (!allowed) {
                Problem.send(ctx, 403, "origin " + origin + " is not allowed (rapport.cors.origins)");
                return;
            }
            if (!corsMethods.contains(requestedMethod.trim().toUpperCase(Locale.ROOT))) {
                Problem.send(ctx, 403, "method " + requestedMethod + " is not allowed cross-origin");
                return;
            }
            String requestedHeaders = req.getHeader("Access-Control-Request-Headers");
            if (requestedHeaders != null && !requestedHeaders.isBlank()) {
                for (String h : requestedHeaders.split(",")) {
                    String name = h.trim().toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !corsHeadersLower.contains(name)) {
                        Problem.send(ctx, 403, "header " + h.trim() + " is not allowed cross-origin");
                        return;
                    }
                }
            }
            resp.putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Allow-Methods", String.join(",", config.cors().methods()))
                .putHeader("Access-Control-Allow-Headers", String.join(",", config.cors().headers()))
                .putHeader("Access-Control-Max-Age", Long.toString(config.cors().maxAge().toSeconds()))
                .setStatusCode(204)
                .end();
            return;
        }
        if (allowed) {
            resp.putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Expose-Headers", String.join(",", config.cors().exposedHeaders()));
        }
        ctx.next();
    }

    // ---------------------------------------------------------------- proxy

    void proxy(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        req.pause();
        String rawPath = req.path();
        // the route's shape (ids as {id}) for the HTTP metrics and the server span, as quarkus-rest does for its
        // resources; without it the one /api/* route is measured per raw path, a time series per id
        ((HttpServerRequestInternal) req).context().putLocal(URL_PATH_TEMPLATE, RouteTable.template(rawPath));
        String path = ctx.normalizedPath();
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (!rawPath.equals(path) || lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("//")) {
            reject(ctx, 400, "the path is not in canonical form", null);
            return;
        }
        String upstreamName = RouteTable.upstreamFor(path);
        if (upstreamName == null) {
            reject(ctx, 404, "no route for " + path, null);
            return;
        }
        Authenticator.Result caller = authenticator.authenticate(req.getHeader("Authorization"));
        if (!caller.ok()) {
            reject(ctx, 401, caller.failure(), Map.of("WWW-Authenticate", "Bearer realm=\"rapport\""));
            return;
        }
        String method = req.method().name();
        Role needed = RouteTable.requiredRole(method, path);
        if (!needed.grantedBy(caller.groups())) {
            reject(ctx, 403, method + " " + path + " requires the role " + needed.group, null);
            return;
        }
        if (config.rateLimit().enabled()) {
            TokenBucketRateLimiter.Decision decision = rateLimiter.tryAcquire(caller.principal());
            if (!decision.allowed()) {
                reject(ctx, 429, "rate limit exceeded for " + caller.principal(),
                    Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())));
                return;
            }
        }
        long limit = RouteTable.isImport(method, path) ? config.limits().maxImportBody() : config.limits().maxBody();
        String contentLength = req.getHeader("Content-Length");
        if (contentLength != null) {
            long declared;
            try {
                declared = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                reject(ctx, 400, "invalid Content-Length", null);
                return;
            }
            if (declared > limit) {
                reject(ctx, 413, "the request body is larger than " + limit + " bytes", null);
                return;
            }
        }
        Upstream upstream = upstreams.get(upstreamName);
        if (!upstream.breaker().tryAcquire()) {
            reject(ctx, 503, upstreamName + " service is unavailable (circuit open)",
                Map.of("Retry-After", Long.toString(upstream.breaker().secondsUntilTrial())));
            return;
        }
        new Exchange(ctx, upstream, path, limit, caller.principal()).start();
    }

    /** Answers at once; a request body the client is still sending is read and dropped (up to a bound). */
    private void reject(RoutingContext ctx, int status, String detail, Map<String, String> headers) {
        HttpServerRequest req = ctx.request();
        if (headers != null) {
            headers.forEach((k, v) -> ctx.response().putHeader(k, v));
        }
        if (status >= 500 || status == 429 || status == 413 || status == 401 || status == 403) {
            accessLog.info(req.method() + " " + req.path() + " -> " + status + " (gateway: " + detail + ")");
        }
        Problem.send(ctx, status, detail);
        discardBody(req, Math.max(config.limits().maxImportBody(), config.limits().maxBody()));
    }

    private static void discardBody(HttpServerRequest req, long bound) {
        if (req.isEnded()) {
            return;
        }
        long[] seen = {0};
        req.handler(buffer -> {
            seen[0] += buffer.length();
            if (seen[0] > bound) {
                req.connection().close();
            }
        });
        req.exceptionHandler(e -> { });
        req.endHandler(v -> { });
        req.resume();
    }

    String publicBase(HttpServerRequest req) {
        return publicBase(config, req);
    }

    static String publicBase(GatewayConfig config, HttpServerRequest req) {
        if (config.publicUrl().isPresent()) {
            return config.publicUrl().get().replaceAll("/+$", "");
        }
        String host = req.getHeader("Host");
        if (host == null) {
            host = req.localAddress().host() + ":" + req.localAddress().port();
        }
        return req.scheme() + "://" + host;
    }

    /** Rewrites a Location that points at the upstream (absolute) or is server-relative to the gateway's URL. */
    static String rewriteLocation(String location, Upstream upstream, String publicBase) {
        if (location.startsWith("/")) {
            return location.startsWith("//") ? location : publicBase + stripBase(location, upstream.basePath());
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (uri.getHost() == null) {
            return location;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        boolean sameHost = uri.getHost().equalsIgnoreCase(upstream.host())
            || (isLoopback(uri.getHost()) && isLoopback(upstream.host()));
        if (!sameHost || port != upstream.port()) {
            return location;
        }
        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            rest += "?" + uri.getRawQuery();
        }
        if (uri.getRawFragment() != null) {
            rest += "#" + uri.getRawFragment();
        }
        return publicBase + stripBase(rest, upstream.basePath());
    }

    private static String stripBase(String path, String basePath) {
        return !basePath.isEmpty() && path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /** One proxied request/response, all on the request's event loop. */
    private final class Exchange {
        private final RoutingContext ctx;
        private final HttpServerRequest req;
        private final Upstream upstream;
        private final String path;
        private final long limit;
        private final String principal;
        private final long startNanos = System.nanoTime();
        private HttpClientRequest upstreamRequest;
        private long timer = -1;
        private boolean finished; // the gateway has answered (problem) or the upstream response has started
        private long bodyBytes;
        private boolean tooLarge;

        Exchange(RoutingContext ctx, Upstream upstream, String path, long limit, String principal) {
            this.ctx = ctx;
            this.req = ctx.request();
            this.upstream = upstream;
            this.path = path;
            this.limit = limit;
            this.principal = principal;
        }

        void start() {
            String query = req.query();
            String uri = upstream.basePath() + path + (query == null || query.isEmpty() ? "" : "?" + query);
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            Set<String> connectionListed = connectionTokens(req.headers().getAll("Connection"));
            for (Map.Entry<String, String> h : req.headers()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (HOP_BY_HOP.contains(name) || connectionListed.contains(name) || name.startsWith("x-forwarded-")
                    || name.equals("forwarded") || name.equals(REQUEST_ID_LOWER) || name.equals(TRACEPARENT)
                    || name.equals(TRACESTATE)) {
                    continue;
                }
                headers.add(h.getKey(), h.getValue());
            }
            Context trace = Context.current();
            if (Span.fromContext(trace).getSpanContext().isValid()) {
                // the server span of this request (same trace as an incoming traceparent, else a new one)
                propagator.inject(trace, headers, SET_HEADER);
            } else { // tracing off (quarkus.otel.sdk.disabled): the caller's trace context passes through
                copyIfPresent(req, headers, TRACEPARENT);
                copyIfPresent(req, headers, TRACESTATE);
            }
            headers.set(REQUEST_ID, (String) ctx.get(MDC_REQUEST_ID));
            String remote = req.remoteAddress() == null ? null : req.remoteAddress().host();
            if (remote != null) {
                headers.set("X-Forwarded-For", remote);
            }
            headers.set("X-Forwarded-Proto", req.scheme());
            String host = req.getHeader("Host");
            if (host != null) {
                headers.set("X-Forwarded-Host", host);
            }
            headers.set("X-Forwarded-User", principal);
            RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setURI(uri)
                .setHeaders(headers)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.idleTimeout().toMillis());
            timer = vertx.setTimer(upstream.timeoutMillis(), id -> onTimeout());
            upstream.client().request(options).onComplete(ar -> {
                if (ar.failed()) {
                    fail(503, upstream.name() + " service is unavailable", true);
                    return;
                }
                upstreamRequest = ar.result();
                if (finished) { // timed out while connecting
                    upstreamRequest.reset();
                    return;
                }
                upstreamRequest.response().onComplete(r -> {
                    if (r.failed()) {
                        if (!finished) {
                            // no response headers: an idle timeout is a 504; a connection closed before an
                            // answer (the service stopping, a stale pooled connection) means unavailable
                            boolean timeout = r.cause() instanceof TimeoutException;
                            fail(timeout ? 504 : 503, timeout ? upstream.name() + " service did not answer in time"
                                : upstream.name() + " service is unavailable (connection closed before an answer)",
                                true);
                        }
                        return;
                    }
                    respond(r.result());
                });
                upstreamRequest.exceptionHandler(e -> { });
                sendBody();
            });
        }

        private void sendBody() {
            HttpClientRequest out = upstreamRequest;
            boolean lengthKnown = req.headers().contains("Content-Length");
            req.handler(buffer -> {
                if (!lengthKnown && !out.isChunked()) {
                    // chunked HTTP/1.1 or an HTTP/2 stream without a length: stream it chunked upstream
                    out.setChunked(true);
                }
                if (tooLarge) {
                    return;
                }
                bodyBytes += buffer.length();
                if (bodyBytes > limit) {
                    tooLarge = true;
                    cancelTimer();
                    if (!finished) {
                        finished = true; // before the reset, whose failure must not answer 503
                        upstream.breaker().release();
                        accessLog.info(req.method() + " " + path + " -> 413 (gateway: streamed body over " + limit + " bytes)");
                        Problem.send(ctx, 413, "the request body is larger than " + limit + " bytes");
                    }
                    out.reset();
                    discardBody(req, Math.max(config.limits().maxImportBody(), config.limits().maxBody()));
                    return;
                }
                out.write(buffer);
                if (out.writeQueueFull()) {
                    req.pause();
                    out.drainHandler(v -> req.resume());
                }
            });
            req.exceptionHandler(e -> { // the client went away: not the upstream's fault
                if (!finished) {
                    finished = true;
                    cancelTimer();
                    upstream.breaker().release();
                }
                out.reset();
            });
            req.endHandler(v -> {
                if (!tooLarge) {
                    out.end();
                }
            });
            req.resume();
        }

        private void respond(HttpClientResponse in) {
            if (finished) {
                return;
            }
            finished = true;
            cancelTimer();
            upstream.breaker().success();
            HttpServerResponse out = ctx.response();
            out.setStatusCode(in.statusCode());
            if (in.statusMessage() != null) {
                out.setStatusMessage(in.statusMessage());
            }
            Set<String> connectionListed = connectionTokens(in.headers().getAll("Connection"));
            for (Map.Entry<String, String> h : in.headers()) {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (HOP_BY_HOP.contains(name) || connectionListed.contains(name) || OWNED_RESPONSE_HEADERS.contains(name)) {
                    continue;
                }
                if (name.equals("location")) {
                    out.headers().add("Location", rewriteLocation(h.getValue(), upstream, publicBase(req)));
                } else {
                    out.headers().add(h.getKey(), h.getValue());
                }
            }
            if (!in.headers().contains("Content-Length") && req.method() != HttpMethod.HEAD
                && in.statusCode() != 204 && in.statusCode() != 304) {
                out.setChunked(true);
            }
            // not ended on failure: ending would send a chunked body's last chunk and make a body cut off half way
            // look complete to the client (and ending from within a failed write trips Netty); instead both
            // connections are closed, so the client sees an incomplete response and the upstream stops sending
            in.pipe().endOnFailure(false).to(out).onComplete(done -> {
                long millis = (System.nanoTime() - startNanos) / 1_000_000;
                if (done.failed()) {
                    // a client that leaves is its own business (INFO); an upstream that stops half way is a fault (WARN)
                    boolean clientLeft = out.closed();
                    String line = req.method() + " " + path + " -> " + upstream.name() + " " + in.statusCode()
                        + ", body aborted after " + millis + " ms: "
                        + (clientLeft ? "the client went away" : upstream.name() + " stopped sending");
                    if (clientLeft) {
                        accessLog.info(line);
                    } else {
                        accessLog.warn(line);
                    }
                    upstreamRequest.reset();
                    req.connection().close();
                } else {
                    accessLog.info(req.method() + " " + path + " -> " + upstream.name() + " " + in.statusCode() + " in " + millis
                        + " ms");
                }
            });
        }

        private void onTimeout() {
            timer = -1;
            if (finished) {
                return;
            }
            fail(504, upstream.name() + " service did not answer within " + upstream.timeoutMillis() + " ms", true);
            if (upstreamRequest != null) {
                upstreamRequest.reset(); // after fail(): the reset's own failure is then ignored
            }
        }

        private void fail(int status, String detail, boolean countsAgainstUpstream) {
            if (finished) {
                return;
            }
            finished = true;
            cancelTimer();
            if (countsAgainstUpstream) {
                upstream.breaker().failure();
            }
            accessLog.warn(req.method() + " " + path + " -> " + status + " (gateway: " + detail + ")");
            Problem.send(ctx, status, detail);
            discardBody(req, Math.max(config.limits().maxImportBody(), config.limits().maxBody()));
        }

        private void cancelTimer() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }

    private static void copyIfPresent(HttpServerRequest req, MultiMap headers, String name) {
        List<String> values = req.headers().getAll(name);
        if (!values.isEmpty()) {
            headers.set(name, values);
        }
    }

    private static Set<String> connectionTokens(List<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String v : values) {
            for (String t : v.split(",")) {
                tokens.add(t.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
