package io.rapport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.rapport.local.postgres.PostgresLocator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The suite's embedded PostgreSQL (a real server), which a fault test may stop ({@code pg_ctl stop -m fast}:
 * sessions are terminated, new connections refused) and start again on the same port and data directory.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    static RestartablePostgres start(Path dataDir) {
        return new RestartablePostgres(dataDir, PostgresLocator.startEmbedded(dataDir, 0));
    }

    EmbeddedPostgres embedded() {
        return postgres;
    }

    int port() {
        return port;
    }

    synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
            }
            postgres = null;
        }
    }

    /** Starts it again on the same port and data: the databases are as they were. */
    synchronized void start() {
        if (postgres == null) {
            postgres = PostgresLocator.startEmbedded(dataDir, port);
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
