package io.rapport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rapport.local.kafka.KafkaBrokerProcess;
import io.rapport.local.postgres.PostgresLocator;
import io.rapport.local.postgres.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real Kafka and real PostgreSQL for a service's {@code @QuarkusTest}s, chosen in this order:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} and {@code RAPPORT_PG_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}
 *       when set;</li>
 *   <li>Testcontainers when a Docker engine answers;</li>
 *   <li>the local stack's way: a broker already listening on {@code RAPPORT_KAFKA_PORT} (default 9092) or
 *       the embedded broker started in its own JVM; PostgreSQL on 127.0.0.1:5432 when it accepts the
 *       superuser, else embedded PostgreSQL in a temporary folder.</li>
 * </ol>
 * Each test run gets a fresh database, named after the Maven module (the {@code database} init argument
 * overrides it), dropped at the end.
 *
 * <p>Bearer JWTs: each start makes a new RS256 key pair ({@link TestTokens}) and sets
 * {@code mp.jwt.verify.publickey.location} (a temporary PEM file) and {@code mp.jwt.verify.issuer}
 * ({@link TestTokens#ISSUER}). Every RestAssured request then carries an admin token unless it sets its
 * own {@code Authorization} header; {@link TestTokens#anonymous()} sends none.
 */
public class RapportInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(RapportInfrastructureResource.class);

    private String databasePrefix = Path.of("").toAbsolutePath().getFileName().toString()
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    private final Map<String, String> env = System.getenv();

    private KafkaBrokerProcess broker;
    private Path brokerDir;
    private KafkaContainer kafkaContainer;
    private EmbeddedPostgres embeddedPostgres;
    private PostgreSQLContainer postgresContainer;
    private PostgresServer postgres;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        Path publicKey = TestTokens.newKeys();
        config.put("mp.jwt.verify.publickey.location", publicKey.toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        TestTokens.installDefaultToken();

        String bootstrap = startKafka();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap);

        startPostgres();
        database = databasePrefix + "_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try {
            postgres.createDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + database + " on " + postgres.describe(), e);
        }
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password() == null ? "" : postgres.password());
        LOG.infof("Test infrastructure: Kafka %s; %s, database %s", bootstrap, postgres.describe(), database);
        return config;
    }

    private String startKafka() {
        String configured = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (dockerAvailable()) {
            kafkaContainer = new KafkaContainer("apache/kafka:4.1.2");
            kafkaContainer.start();
            BrokerControl.register(
                () -> kafkaContainer.getDockerClient().pauseContainerCmd(kafkaContainer.getContainerId()).exec(),
                () -> kafkaContainer.getDockerClient().unpauseContainerCmd(kafkaContainer.getContainerId()).exec());
            return kafkaContainer.getBootstrapServers();
        }
        int port = Integer.parseInt(env.getOrDefault("RAPPORT_KAFKA_PORT", "9092"));
        if (KafkaBrokerProcess.listening(port)) {
            LOG.infof("Reusing the Kafka broker already listening on 127.0.0.1:%d", port);
            return "127.0.0.1:" + port;
        }
        try {
            brokerDir = Files.createTempDirectory("rapport-test-kafka");
            broker = KafkaBrokerProcess.start(port, brokerDir, 6, brokerDir.resolve("broker.log"));
            LOG.infof("Started the embedded Kafka broker (pid %d) on %s; log %s", broker.pid(), broker.bootstrap(),
                brokerDir.resolve("broker.log"));
            BrokerControl.register(this::stopEmbeddedBroker, () -> startEmbeddedBroker(port));
            return broker.bootstrap();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void stopEmbeddedBroker() {
        if (broker != null) {
            LOG.infof("Stopping the embedded Kafka broker (pid %d) on request of a test", broker.pid());
            broker.close();
            broker = null;
        }
    }

    /** Same port, same data directory: the topics and their records are still there. */
    private synchronized void startEmbeddedBroker(int port) {
        if (broker == null) {
            broker = KafkaBrokerProcess.start(port, brokerDir, 6, brokerDir.resolve("broker.log"));
            LOG.infof("Restarted the embedded Kafka broker (pid %d) on %s", broker.pid(), broker.bootstrap());
        }
    }

    private void startPostgres() {
        PostgresLocator locator = new PostgresLocator(env);
        if (locator.configured()) {
            postgres = locator.configuredServer();
            return;
        }
        if (dockerAvailable()) {
            postgresContainer = new PostgreSQLContainer("postgres:16-alpine");
            postgresContainer.start();
            postgres = new PostgresServer("testcontainers", postgresContainer.getHost(),
                postgresContainer.getMappedPort(5432), postgresContainer.getUsername(), postgresContainer.getPassword());
            return;
        }
        var local = locator.localServer();
        if (local.isPresent()) {
            postgres = local.get();
            return;
        }
        try {
            Path dir = Files.createTempDirectory("rapport-test-pg");
            embeddedPostgres = PostgresLocator.startEmbedded(dir, 0);
            postgres = PostgresLocator.embeddedServer(embeddedPostgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the embedded broker's data directory once the broker is stopped, unless
     * {@code RAPPORT_KEEP_TEST_KAFKA=true} asks to keep it (its {@code broker.log}, for a post-mortem).
     */
    private void deleteBrokerDir() {
        if (brokerDir == null) {
            return;
        }
        if (Boolean.parseBoolean(env.get("RAPPORT_KEEP_TEST_KAFKA"))) {
            LOG.infof("Kept the embedded Kafka broker's directory %s (RAPPORT_KEEP_TEST_KAFKA=true)", brokerDir);
            return;
        }
        try (var paths = Files.walk(brokerDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            brokerDir = null;
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not delete the embedded Kafka broker's directory %s: %s", brokerDir, e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (postgres != null && database != null && embeddedPostgres == null && postgresContainer == null) {
            try {
                postgres.dropDatabase(database);
            } catch (SQLException e) {
                LOG.warnf("could not drop test database %s: %s", database, e.getMessage());
            }
        }
        if (embeddedPostgres != null) {
            try {
                embeddedPostgres.close();
            } catch (IOException e) {
                LOG.warnf("embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
        }
        if (postgresContainer != null) {
            postgresContainer.stop();
        }
        BrokerControl.unregister();
        synchronized (this) {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
        deleteBrokerDir();
        if (kafkaContainer != null) {
            kafkaContainer.stop();
        }
    }
}
