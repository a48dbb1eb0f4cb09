package io.rapport.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: fetches each service's own OpenAPI document at run time, keeps it for
 * {@code rapport.openapi.cache-for}, falls back to the last good copy (or leaves the service out)
 * when it is down, and serves the merged document.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GatewayConfig config;

    private volatile Map<String, GatewayRoutes.Upstream> upstreams = Map.of();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(JsonNode doc, long fetchedAtNanos) {
    }

    void setUpstreams(Map<String, GatewayRoutes.Upstream> upstreams) {
        this.upstreams = Map.copyOf(upstreams);
    }

    void handle(RoutingContext ctx) {
        List<String> names = RouteTable.UPSTREAMS;
        List<Future<JsonNode>> docs = new ArrayList<>();
        for (String name : names) {
            docs.add(documentOf(name));
        }
        Future.join(docs).onComplete(ignored -> {
            Map<String, JsonNode> available = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonNode> f = docs.get(i);
                if (f.succeeded() && f.result() != null) {
                    available.put(names.get(i), f.result());
                } else {
                    missing.add(names.get(i));
                }
            }
            String body;
            try {
                body = JSON.writeValueAsString(OpenApiMerger.merge(available, missing,
                    GatewayRoutes.publicBase(config, ctx.request()), config.openapi().version()));
            } catch (Exception e) {
                LOG.error("could not merge the OpenAPI documents", e);
                Problem.send(ctx, 502, "the services' OpenAPI documents could not be merged");
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                .end(body);
        });
    }

    private Future<JsonNode> documentOf(String name) {
        Cached cached = cache.get(name);
        long now = System.nanoTime();
        if (cached != null && now - cached.fetchedAtNanos() < config.openapi().cacheFor().toNanos()) {
            return Future.succeededFuture(cached.doc());
        }
        GatewayRoutes.Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            return Future.succeededFuture(null);
        }
        return fetch(upstream).map(doc -> {
            cache.put(name, new Cached(doc, System.nanoTime()));
            return doc;
        }).recover(e -> {
            LOG.warnf("OpenAPI of %s not available (%s)%s", name, e.getMessage(),
                cached != null ? "; serving the last good copy" : "; left out of /openapi");
            return Future.succeededFuture(cached == null ? null : cached.doc());
        });
    }

    private Future<JsonNode> fetch(GatewayRoutes.Upstream upstream) {
        long timeout = config.openapi().fetchTimeout().toMillis();
        RequestOptions options = new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(upstream.host())
            .setPort(upstream.port())
            .setURI(upstream.basePath() + config.openapi().upstreamPath() + "?format=json")
            .putHeader("Accept", "application/json")
            .setConnectTimeout(Math.min(timeout, config.connectTimeout().toMillis()))
            .setIdleTimeout(timeout);
        return upstream.client().request(options)
            .compose(req -> req.send())
            .compose((HttpClientResponse resp) -> {
                if (resp.statusCode() != 200) {
                    return Future.failedFuture("HTTP " + resp.statusCode());
                }
                return resp.body();
            })
            .map((Buffer body) -> {
                try {
                    JsonNode doc = JSON.readTree(body.getBytes());
                    if (doc == null || !doc.isObject() || !doc.has("openapi")) {
                        throw new IllegalStateException("not an OpenAPI document");
                    }
                    return doc;
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("not JSON: " + e.getMessage());
                }
            });
    }
}
