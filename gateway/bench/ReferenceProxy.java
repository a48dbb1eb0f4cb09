import java.util.Set;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * A reference for the proxy benchmark, not part of Rapport: the least an HTTP/1.1 reverse proxy on the
 * gateway's own Vert.x does. Same transport as the gateway (epoll), one client per event loop as the gateway,
 * hop-by-hop headers dropped, bodies streamed; no authentication, routing, rate limit, logging, metrics or
 * tracing. What it costs is what one more HTTP hop costs on the machine; the gateway's distance to it is what
 * the gateway's own work costs.
 *
 * <p>Run with the gateway's libraries (Java's single-file launcher, no build):
 * {@code java -cp "gateway/target/quarkus-app/lib/main/*" gateway/bench/ReferenceProxy.java PORT UPSTREAM_HOST UPSTREAM_PORT [EVENT_LOOPS]}
 * ({@code reference-proxies.sh start} does it).
 */
public class ReferenceProxy extends AbstractVerticle {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
        "trailer", "transfer-encoding", "upgrade", "host");

    private final int port;
    private final String upstreamHost;
    private final int upstreamPort;

    ReferenceProxy(int port, String upstreamHost, int upstreamPort) {
        this.port = port;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int loops = args.length > 3 ? Integer.parseInt(args[3]) : 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new ReferenceProxy(port, args[1], Integer.parseInt(args[2])),
                new DeploymentOptions().setInstances(loops))
            .onSuccess(id -> System.out.println("reference proxy on " + port + " -> " + args[1] + ":" + args[2]
                + ", " + loops + " event loops, native transport " + vertx.isNativeTransportEnabled()))
            .onFailure(e -> {
                e.printStackTrace();
                System.exit(1);
            });
    }

    @Override
    public void start() {
        // one verticle instance per event loop: its client's connections stay on that loop, as in the gateway
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(50));
        vertx.createHttpServer().requestHandler(req -> proxy(client, req)).listen(port);
    }

    private void proxy(HttpClient client, HttpServerRequest req) {
        req.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        req.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        client.request(new RequestOptions().setMethod(req.method()).setHost(upstreamHost).setPort(upstreamPort)
                .setURI(req.uri()).setHeaders(headers))
            .compose(upstream -> upstream.send(req))
            .onSuccess(in -> {
                req.response().setStatusCode(in.statusCode());
                in.headers().forEach(h -> {
                    if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                        req.response().headers().add(h.getKey(), h.getValue());
                    }
                });
                if (!in.headers().contains("Content-Length")) {
                    req.response().setChunked(true);
                }
                in.pipeTo(req.response());
            })
            .onFailure(e -> req.response().setStatusCode(502).end());
    }
}
