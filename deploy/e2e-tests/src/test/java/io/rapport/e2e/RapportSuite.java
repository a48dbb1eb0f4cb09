package io.rapport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.rapport.local.postgres.PostgresLocator;
import io.rapport.local.postgres.PostgresServer;
import io.rapport.testsupport.TestTokens;

/**
 * The whole suite, started once for every end-to-end test class and stopped when JUnit finishes:
 * <ul>
 *   <li>Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else a broker of deploy/local/infra in its own
 *       JVM on free ports, with its topics;</li>
 *   <li>PostgreSQL: the server {@code RAPPORT_PG_*} names, else an embedded PostgreSQL of the suite's own (so
 *       the fault tests can stop and start it), with three fresh databases, dropped at the end;</li>
 *   <li>a fresh RS256 key pair ({@link TestTokens}) that every service verifies tokens with;</li>
 *   <li>contacts-service, engagement-service, analytics-service and the gateway from their
 *       {@code target/quarkus-app}, each in its own JVM on free ports.</li>
 * </ul>
 * Logs are kept in {@code target/e2e/}.
 */
final class RapportSuite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static RapportSuite running;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private PostgresServer postgres;
    private ServiceProcess gateway;
    private String bootstrap;
    private RestartableBroker broker;
    private RestartablePostgres ownPostgres;
    private Path root;
    private Path work;
    private Map<String, String> common;

    /** The running suite (started by the extension). */
    static RapportSuite get() {
        if (running == null) {
            throw new IllegalStateException("the suite is not started: annotate the test class with @ExtendWith(RapportSuite.class)");
        }
        return running;
    }

    /** The gateway's base URL: the only door the tests use. */
    String gatewayUrl() {
        return gateway.url();
    }

    /** The Kafka bootstrap servers the services use. */
    String bootstrap() {
        return bootstrap;
    }

    String gatewayManagementUrl() {
        return gateway.managementUrl();
    }

    /** Every service's management URL (health, metrics) by name, the gateway's included. */
    Map<String, String> managementUrls() {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        for (AutoCloseable c : started) {
            if (c instanceof ServiceProcess service) {
                urls.put(service.name(), service.managementUrl());
            }
        }
        return urls;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RapportSuite.class) {
            if (running != null) {
                return;
            }
            RapportSuite suite = new RapportSuite();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RapportSuite.class.getName(), suite);
            try {
                suite.start();
            } catch (RuntimeException e) {
                suite.close();
                throw e;
            }
            running = suite;
        }
    }

    private void start() {
        root = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
        work = root.resolve("deploy/e2e-tests/target/e2e");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bootstrap = startKafka(work);
        startPostgres(work);
        Path publicKey = TestTokens.newKeys();

        common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        common.put("JWT_ISSUER", TestTokens.ISSUER);
        common.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toString());

        String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        ServiceProcess contacts = service(root, work, "contacts-service", common, database("e2e_contacts_" + run));
        ServiceProcess engagement = service(root, work, "engagement-service", common, database("e2e_engagements_" + run));
        ServiceProcess analytics = service(root, work, "analytics-service", common, database("e2e_analytics_" + run));
        Map<String, String> gatewayEnv = new HashMap<>(common);
        gatewayEnv.put("CONTACTS_URL", contacts.url());
        gatewayEnv.put("ENGAGEMENT_URL", engagement.url());
        gatewayEnv.put("ANALYTICS_URL", analytics.url());
        gatewayEnv.put("CORS_ORIGINS", "https://rapport.example");
        gateway = ServiceProcess.start("gateway", jar(root, "gateway"), gatewayEnv, work);
        started.add(gateway);
        services.put("gateway", gateway);
        for (ServiceProcess s : List.of(contacts, engagement, analytics, gateway)) {
            s.awaitReady(READY_TIMEOUT);
        }
    }

    private ServiceProcess service(Path root, Path work, String module, Map<String, String> common, String database) {
        Map<String, String> env = new HashMap<>(common);
        env.put("DB_URL", postgres.jdbcUrl(database));
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password() == null ? "" : postgres.password());
        ServiceProcess process = ServiceProcess.start(module, jar(root, module), env, work);
        started.add(process);
        services.put(module, process);
        return process;
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private String startKafka(Path work) {
        String configured = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            Path dir = Files.createTempDirectory(work, "kafka");
            broker = RestartableBroker.start(FreePorts.pair(), dir, work.resolve("kafka.log"));
            started.add(broker);
            return broker.bootstrap();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The configured server ({@code RAPPORT_PG_*}) when set, else always an embedded PostgreSQL of the suite's
     * own, so that a fault test can stop and start it (a server on 127.0.0.1:5432 is not taken: it is not ours).
     */
    private void startPostgres(Path work) {
        PostgresLocator locator = new PostgresLocator(System.getenv());
        if (locator.configured()) {
            postgres = locator.configuredServer();
            return;
        }
        try {
            ownPostgres = RestartablePostgres.start(Files.createTempDirectory(work, "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started.add(ownPostgres);
        postgres = PostgresLocator.embeddedServer(ownPostgres.embedded());
    }

    // ---- for the fault tests (SuiteFaultsIT and friends)

    /** A running service by module name (contacts-service, engagement-service, analytics-service, gateway). */
    ServiceProcess service(String module) {
        ServiceProcess s = services.get(module);
        if (s == null) {
            throw new IllegalArgumentException("no service " + module + " (have " + services.keySet() + ")");
        }
        return s;
    }

    /** The suite's own broker, empty when KAFKA_BOOTSTRAP_SERVERS names another one. */
    java.util.Optional<RestartableBroker> broker() {
        return java.util.Optional.ofNullable(broker);
    }

    /** The suite's own PostgreSQL, empty when RAPPORT_PG_* names another server. */
    java.util.Optional<RestartablePostgres> ownPostgres() {
        return java.util.Optional.ofNullable(ownPostgres);
    }

    /**
     * Starts one more instance of a packaged service with a fresh database of its own and extra environment
     * (e.g. another consumer group), stopped with the suite; the caller waits for it to be ready.
     */
    ServiceProcess startExtra(String module, String name, Map<String, String> extraEnv) {
        String run = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Map<String, String> env = new HashMap<>(common);
        env.putAll(extraEnv);
        String db = database("e2e_" + name.replace('-', '_') + "_" + run);
        env.put("DB_URL", postgres.jdbcUrl(db));
        env.put("DB_USER", postgres.user());
        env.put("DB_PASSWORD", postgres.password() == null ? "" : postgres.password());
        ServiceProcess process = ServiceProcess.start(name, jar(root, module), env, work);
        started.add(process);
        return process;
    }

    private String database(String name) {
        try {
            postgres.createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + postgres.describe(), e);
        }
        databases.add(name);
        return name;
    }

    /** Services first (newest first), then the databases, then PostgreSQL and the broker. */
    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            if (c instanceof ServiceProcess) {
                closeQuietly(c);
            }
        }
        if (ownPostgres != null) {
            ownPostgres.start(); // a fault test may have left it stopped
        }
        for (String db : databases) {
            try {
                postgres.dropDatabase(db);
            } catch (SQLException e) {
                System.err.println("could not drop " + db + ": " + e.getMessage());
            }
        }
        for (AutoCloseable c : reversed) {
            if (!(c instanceof ServiceProcess)) {
                closeQuietly(c);
            }
        }
        running = null;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("could not stop " + c + ": " + e.getMessage());
        }
    }
}
