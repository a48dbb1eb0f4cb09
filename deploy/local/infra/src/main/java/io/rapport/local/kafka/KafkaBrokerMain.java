package io.rapport.local.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM).
 *
 * <p>Formats its storage on first start, listens on 127.0.0.1, creates the Rapport topics and
 * prints {@code READY <bootstrap>} on standard output once the topics exist. SIGTERM shuts it
 * down cleanly. With {@code --exit-on-stdin-eof} it also stops when its parent process goes away
 * (the test resource uses that, so no broker survives a killed build).
 *
 * <p>Options: {@code --port} (default 9092), {@code --controller-port} (default port + 1),
 * {@code --data-dir} (required), {@code --partitions} (default 6), {@code --topics}
 * (comma-separated, default the two Rapport topics).
 */
public final class KafkaBrokerMain {

    static final List<String> DEFAULT_TOPICS = List.of("rapport.contacts.v1", "rapport.engagements.v1");

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        BrokerOptions options = BrokerOptions.parse(args);
        Files.createDirectories(options.dataDir());
        Properties props = brokerProperties(options);
        formatStorageIfNeeded(options, props);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }, "broker-shutdown"));
        server.startup();

        createTopics(options);
        System.out.println("READY " + options.bootstrap());
        System.out.flush();

        if (options.exitOnStdinEof()) {
            Thread watcher = new Thread(() -> {
                drain(System.in);
                System.exit(0); // runs the shutdown hook
            }, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    static Properties brokerProperties(BrokerOptions o) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + o.controllerPort());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + o.port() + ",CONTROLLER://127.0.0.1:" + o.controllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + o.port());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", o.dataDir().resolve("logs").toString());
        p.put("num.partitions", String.valueOf(o.partitions()));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // history is kept: analytics rebuilds from offset 0
        p.put("log.retention.ms", "-1");
        return p;
    }

    private static void formatStorageIfNeeded(BrokerOptions o, Properties props) throws IOException {
        Path metaProperties = o.dataDir().resolve("logs").resolve("meta.properties");
        if (Files.exists(metaProperties)) {
            return;
        }
        Path config = o.dataDir().resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "Rapport local broker");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {
            "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()
        }, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void createTopics(BrokerOptions o) throws InterruptedException, ExecutionException {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap());
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : o.topics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, o.partitions(), (short) 1));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            admin.close(Duration.ofSeconds(5));
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard: only the end of the stream matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, as does end of stream
        }
    }

    record BrokerOptions(int port, int controllerPort, Path dataDir, int partitions, List<String> topics,
                         boolean exitOnStdinEof) {

        String bootstrap() {
            return "127.0.0.1:" + port;
        }

        static BrokerOptions parse(String[] args) {
            int port = 9092;
            Integer controllerPort = null;
            Path dataDir = null;
            int partitions = 6;
            List<String> topics = DEFAULT_TOPICS;
            boolean exitOnEof = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--topics" -> topics = List.of(args[++i].split(","));
                    case "--exit-on-stdin-eof" -> exitOnEof = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1");
            }
            return new BrokerOptions(port, controllerPort == null ? port + 1 : controllerPort, dataDir, partitions,
                topics, exitOnEof);
        }
    }
}
