package io.rapport.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Finds the PostgreSQL the local stack and the tests use, in this order:
 * <ol>
 *   <li>the server named by {@code RAPPORT_PG_HOST} / {@code RAPPORT_PG_PORT} /
 *       {@code RAPPORT_PG_USER} / {@code RAPPORT_PG_PASSWORD} when any of them is set
 *       (a refusal is an error, never a silent fallback);</li>
 *   <li>a server on 127.0.0.1:5432 that accepts the superuser (default {@code postgres} /
 *       {@code postgres});</li>
 *   <li>an embedded PostgreSQL (real binaries from Maven Central) with its data in a folder.</li>
 * </ol>
 */
public final class PostgresLocator {

    public static final String HOST = "RAPPORT_PG_HOST";
    public static final String PORT = "RAPPORT_PG_PORT";
    public static final String USER = "RAPPORT_PG_USER";
    public static final String PASSWORD = "RAPPORT_PG_PASSWORD";

    private final Map<String, String> env;

    public PostgresLocator(Map<String, String> env) {
        this.env = env;
    }

    public boolean configured() {
        return env.containsKey(HOST) || env.containsKey(PORT) || env.containsKey(USER) || env.containsKey(PASSWORD);
    }

    /** The configured server; throws {@link PostgresRefusedException} with the fix when it refuses. */
    public PostgresServer configuredServer() {
        PostgresServer server = new PostgresServer("configured", env.getOrDefault(HOST, "127.0.0.1"),
            Integer.parseInt(env.getOrDefault(PORT, "5432")), env.getOrDefault(USER, "postgres"),
            env.getOrDefault(PASSWORD, "postgres"));
        try {
            check(server);
            return server;
        } catch (SQLException e) {
            throw new PostgresRefusedException("PostgreSQL at " + server.host() + ":" + server.port() + " refused user '"
                + server.user() + "' (" + firstLine(e.getMessage()) + "). Fix: set " + HOST + ", " + PORT + ", " + USER
                + " and " + PASSWORD + " to a server and superuser that accept connections, or unset all four to use"
                + " embedded PostgreSQL.");
        }
    }

    /** The server on 127.0.0.1:5432 when it accepts the default superuser. */
    public Optional<PostgresServer> localServer() {
        PostgresServer server = new PostgresServer("local-5432", "127.0.0.1", 5432, "postgres", "postgres");
        try {
            check(server);
            return Optional.of(server);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** A located server, and the embedded PostgreSQL behind it when {@link #locate} started one (else null). */
    public record Located(PostgresServer server, EmbeddedPostgres embedded) {
    }

    /**
     * The whole order above: the configured server, else 127.0.0.1:5432 when it accepts, else an embedded
     * PostgreSQL started on {@code embeddedPort} (0: any free port) with its data in the folder
     * {@code embeddedDataDir} supplies, asked only then. Throws {@link PostgresRefusedException} when a
     * configured server refuses.
     */
    public Located locate(Supplier<Path> embeddedDataDir, int embeddedPort) {
        if (configured()) {
            return new Located(configuredServer(), null);
        }
        Optional<PostgresServer> local = localServer();
        if (local.isPresent()) {
            return new Located(local.get(), null);
        }
        EmbeddedPostgres embedded = startEmbedded(embeddedDataDir.get(), embeddedPort);
        return new Located(embeddedServer(embedded), embedded);
    }

    /** Starts embedded PostgreSQL with its data in {@code dataDir} (kept between starts). */
    public static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public static PostgresServer embeddedServer(EmbeddedPostgres postgres) {
        return new PostgresServer("embedded", "127.0.0.1", postgres.getPort(), "postgres", null);
    }

    private static void check(PostgresServer server) throws SQLException {
        try (Connection c = server.connect("postgres")) {
            c.createStatement().execute("select 1");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public static final class PostgresRefusedException extends RuntimeException {
        public PostgresRefusedException(String message) {
            super(message);
        }
    }
}
