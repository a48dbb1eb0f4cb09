package io.rapport.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details written by the gateway itself. */
public final class Problem {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://rapport.example/problems/";

    private Problem() {
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 429 -> "Too Many Requests";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    public static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "content-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "header-fields-too-large";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> "error";
        };
    }

    public static JsonObject body(int status, String detail, String instance) {
        return new JsonObject()
            .put("type", TYPE_BASE + slug(status))
            .put("title", title(status))
            .put("status", status)
            .put("detail", detail)
            .put("instance", instance);
    }

    /** Ends the exchange with a problem, unless the response has already started (then the connection is reset). */
    public static void send(RoutingContext ctx, int status, String detail) {
        var response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        response.setStatusCode(status)
            .putHeader("Content-Type", CONTENT_TYPE)
            .putHeader("Cache-Control", "no-store")
            .end(body(status, detail, ctx.request().path()).encode());
    }
}
