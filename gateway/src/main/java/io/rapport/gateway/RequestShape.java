package io.rapport.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals of a request's shape, as problem details like every other error it makes: a URI
 * over {@code rapport.limits.max-uri-length} (414), request headers over {@code rapport.limits.max-header-bytes}
 * (431), a request URI that is not a URI, such as a path with a malformed percent-escape ({@code %ZZ}) (400), a
 * path no route serves (404) and a method a path does not allow (405, with {@code Allow}).
 *
 * <p>The malformed URI is the check Quarkus makes before the router (and answers with a bare 400), made here
 * instead: {@link GatewayMain} turns Quarkus' own off.
 *
 * <p>The HTTP decoder below has limits of its own ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}), which answer a bare 414 / 431 without a body before any route runs: Vert.x's hook for
 * that answer ({@code HttpServer#invalidRequestHandler}) must be set before the server listens, and Quarkus creates
 * and starts the server without one. They are set well above the gateway's, so a request refused for its size
 * meets the gateway's limits first.
 */
final class RequestShape {

    private final long maxUriLength;
    private final long maxHeaderBytes;

    RequestShape(long maxUriLength, long maxHeaderBytes) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** Installs the limits (first of all handlers) and the 404/405 problems. */
    void install(Router router, int limitsOrder) {
        router.route().order(limitsOrder).handler(this::limits);
        router.errorHandler(404, ctx -> Problem.send(ctx, 404, "no route for " + ctx.request().path()));
        router.errorHandler(405, ctx -> Problem.send(ctx, 405, ctx.request().method() + " is not allowed on "
            + ctx.request().path()));
    }

    /** A route answering 405 for every method but the listed ones (register it after the routes that serve them). */
    static void onlyAllow(Router router, String path, int order, HttpMethod... allowed) {
        StringBuilder allow = new StringBuilder();
        for (HttpMethod m : allowed) {
            allow.append(allow.length() == 0 ? "" : ", ").append(m.name());
        }
        router.route(path).order(order).handler(ctx -> {
            ctx.response().putHeader("Allow", allow.toString());
            Problem.send(ctx, 405, ctx.request().method() + " is not allowed on " + path + " (allowed: " + allow + ")");
        });
    }

    void limits(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        if (req.uri().length() > maxUriLength) {
            refuse(ctx, 414, "the request URI is longer than " + maxUriLength + " characters");
            return;
        }
        if (!isUri(req.uri())) {
            refuse(ctx, 400, "the request URI is malformed (RFC 3986), e.g. an invalid percent-escape");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4; // "name: value\r\n"
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(ctx, 431, "the request headers are larger than " + maxHeaderBytes + " bytes");
            return;
        }
        ctx.next();
    }

    /** The same check as Quarkus' own before the router ({@code VertxHttpRecorder}): {@code java.net.URI} parses it. */
    static boolean isUri(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The connection closes after the answer: a body the client may still be sending is not read. */
    private static void refuse(RoutingContext ctx, int status, String detail) {
        ctx.response().putHeader("Connection", "close");
        Problem.send(ctx, status, detail);
    }
}
