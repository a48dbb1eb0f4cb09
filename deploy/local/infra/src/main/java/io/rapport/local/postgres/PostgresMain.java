package io.rapport.local.postgres;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's PostgreSQL: locates (or starts, embedded) a server, creates the databases,
 * prints {@code POSTGRES <source> <host> <port> <user> <password|-> } and {@code READY}. When it started an
 * embedded server it keeps running until SIGTERM; otherwise it exits 0.
 *
 * <p>Options: {@code --data-dir DIR} (embedded data), {@code --embedded-port N} (default 15432),
 * {@code --databases a,b,c}. Exit code 2 with a one-line error when a configured server refuses.
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int embeddedPort = 15432;
        List<String> databases = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--embedded-port" -> embeddedPort = Integer.parseInt(args[++i]);
                case "--databases" -> databases = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path embeddedDataDir = dataDir;
        PostgresLocator.Located located;
        try {
            located = new PostgresLocator(System.getenv()).locate(() -> {
                if (embeddedDataDir == null) {
                    throw new IllegalArgumentException("--data-dir is required for embedded PostgreSQL");
                }
                return embeddedDataDir;
            }, embeddedPort);
        } catch (PostgresLocator.PostgresRefusedException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        PostgresServer server = located.server();
        EmbeddedPostgres embedded = located.embedded();
        for (String database : databases) {
            server.createDatabase(database.trim());
        }
        System.out.println("POSTGRES " + server.source() + " " + server.host() + " " + server.port() + " "
            + server.user() + " " + (server.password() == null ? "-" : server.password()));
        System.out.println("READY");
        System.out.flush();
        if (embedded == null) {
            return;
        }
        EmbeddedPostgres running = embedded;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        stopped.await();
    }
}
