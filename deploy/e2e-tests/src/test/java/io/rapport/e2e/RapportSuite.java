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

import io.rapport.local.kafka.KafkaBrokerProcess;
import io.rapport.local.postgres.PostgresLocator;
import io.rapport.local.postgres.PostgresServer;
import io.rapport.testsupport.TestTokens;

/**
 * The whole suite, started once for every end-to-end test class and stopped when JUnit finishes:
 * <ul>
 *   <li>Kafka: {@code KAFKA_BOOTSTRAP_SERVERS} if set, else a broker of deploy/local/infra in its own
 *       JVM on free ports, with its topics;</li>
 *   <li>PostgreSQL as the local stack finds it ({@code RAPPORT_PG_*}, 127.0.0.1:5432, else embedded),
 *       with three fresh databases, dropped at the end;</li>
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
    private PostgresServer postgres;
    private ServiceProcess gateway;
    private String bootstrap;

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
        Path root = Path.of(System.getProperty("rapport.root", "../..")).toAbsolutePath().normalize();
        Path work = root.resolve("deploy/e2e-tests/target/e2e");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bootstrap = startKafka(work);
        startPostgres(work);
        Path publicKey = TestTokens.newKeys();

        Map<String, String> common = new HashMap<>();
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
            KafkaBrokerProcess broker = KafkaBrokerProcess.start(FreePorts.pair(), dir, 6, work.resolve("kafka.log"));
            started.add(broker);
            return broker.bootstrap();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPostgres(Path work) {
        PostgresLocator.Located located = new PostgresLocator(System.getenv()).locate(() -> {
            try {
                return Files.createTempDirectory(work, "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0);
        if (located.embedded() != null) {
            started.add(located.embedded());
        }
        postgres = located.server();
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
