package io.rapport.gateway;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.VertxInternal;

/**
 * The HTTP clients (connection pools) of one upstream: one per event loop.
 *
 * <p>A Vert.x 4 client shares its pooled connections across event loops, and a connection belongs to
 * the event loop that opened it: a request served on loop A that picks a connection opened on loop B
 * has every write and every response callback handed over between the two threads (two wake-ups
 * per direction). Profiled on the benchmark, those hand-overs were the largest part of the gateway's
 * cost. With one client per event loop, the request, its upstream connection and all callbacks stay on
 * the thread that accepted the request. The configured connection limit is split across the loops.
 * Callers off the event loops (none on the request path) share one more client.
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final ConcurrentHashMap<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final List<HttpClient> all = new CopyOnWriteArrayList<>();
    private volatile HttpClient offLoop;

    UpstreamClients(Vertx vertx, HttpClientOptions options, int maxConnections) {
        this.vertx = vertx;
        this.options = options;
        int loops = eventLoops(vertx);
        this.pool = new PoolOptions().setHttp1MaxSize(Math.max(1, (maxConnections + loops - 1) / loops));
    }

    /** Event loops of the Vert.x instance (Quarkus: {@code quarkus.vertx.event-loops-pool-size}, 2 × cores by default). */
    static int eventLoops(Vertx vertx) {
        if (vertx instanceof VertxInternal internal) {
            EventExecutorGroup group = internal.getEventLoopGroup();
            if (group instanceof MultithreadEventExecutorGroup multi) {
                return Math.max(1, multi.executorCount());
            }
        }
        return 1;
    }

    int connectionsPerLoop() {
        return pool.getHttp1MaxSize();
    }

    /** The client of the calling event loop (created on its first use there). */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            HttpClient c = offLoop;
            if (c == null) {
                synchronized (this) {
                    if (offLoop == null) {
                        offLoop = create();
                    }
                    c = offLoop;
                }
            }
            return c;
        }
        Thread thread = Thread.currentThread();
        HttpClient c = byLoop.get(thread);
        return c != null ? c : byLoop.computeIfAbsent(thread, t -> create());
    }

    private HttpClient create() {
        HttpClient c = vertx.createHttpClient(new HttpClientOptions(options), new PoolOptions(pool));
        all.add(c);
        return c;
    }

    void close() {
        all.forEach(HttpClient::close);
    }
}
