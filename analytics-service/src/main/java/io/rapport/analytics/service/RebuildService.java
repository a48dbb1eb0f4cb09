package io.rapport.analytics.service;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.analytics.events.ConsumedEvent.ContactTopicEvent;
import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.mapping.EventParser;
import io.rapport.analytics.persistence.FoldGate;
import io.rapport.analytics.persistence.RebuildRuns;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.smallrye.common.annotation.Identifier;

/**
 * Re-folds the whole history of both topics, from offset 0, into fresh copies of the read-model tables
 * and switches to them atomically; any replica may run it, one at a time across all of them.
 *
 * <ol>
 * <li>The runner holds a session advisory lock on its own connection for the whole rebuild
 * ({@link RebuildRuns}): a second request anywhere is refused (409), and the status row every replica
 * reads says RUNNING with the progress; a runner that dies releases the lock with its connection.</li>
 * <li>Tables {@code analytics_rebuild.*} are created {@code LIKE} the live ones. A plain
 * {@link KafkaConsumer} (no group, {@code assign} + {@code seekToBeginning}, configured from the
 * {@code default-kafka-broker} bean) reads both topics; {@code total} is the sum of the end offsets at
 * the start. Records are folded with the live fold's rules ({@link ContactTopicFolder},
 * {@link EngagementFolder}), without the inbox, one transaction per poll whose {@code search_path} is
 * {@code analytics_rebuild}. Queries meanwhile read the live tables.</li>
 * <li>It catches up with new end offsets, then switches in one transaction: the exclusive side of the
 * {@link FoldGate} (no live write in flight), the last records up to the end offsets read under it,
 * the live tables moved to {@code analytics_retired} and the rebuilt ones into the default schema, the
 * parameters it was folded with recorded ({@link AnalyticsState}). Live folds waiting at the gate then
 * continue on the new tables; re-applying an event the rebuild folded changes nothing.</li>
 * </ol>
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    static final int BATCH = 500;
    static final List<String> TABLES = List.of("business_unit", "contact", "contact_expertise", "expertise_tag", "stakeholder_role",
        "engagement", "engagement_participant", "relationship", "unit_strength", "unit_value_day", "unit_value_month");
    private static final String RUNNER = ManagementFactory.getRuntimeMXBean().getName();

    public enum Status {
        IDLE, RUNNING, DONE, FAILED
    }

    public record Progress(Status status, long folded, long total, double percent) {
    }

    private final EntityManager em;
    private final DataSource dataSource;
    private final EventParser parser;
    private final CloudEventCodec codec;
    private final ContactTopicFolder contacts;
    private final EngagementFolder engagements;
    private final AnalyticsState state;
    private final AnalyticsClock clock;
    private final Map<String, Object> kafkaConfig;
    private final String contactsTopic;
    private final String engagementsTopic;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "analytics-rebuild");
        t.setDaemon(true);
        return t;
    });

    /** Test hook: when set, the rebuild waits on it after folding the history, before the switch. */
    private volatile CountDownLatch holdBeforeSwitch;
    private volatile boolean holding;

    public RebuildService(EntityManager em, DataSource dataSource, EventParser parser, CloudEventCodec codec,
        ContactTopicFolder contacts, EngagementFolder engagements, AnalyticsState state, AnalyticsClock clock,
        @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
        @ConfigProperty(name = "mp.messaging.incoming.contacts.topic") String contactsTopic,
        @ConfigProperty(name = "mp.messaging.incoming.engagements.topic") String engagementsTopic) {
        this.em = em;
        this.dataSource = dataSource;
        this.parser = parser;
        this.codec = codec;
        this.contacts = contacts;
        this.engagements = engagements;
        this.state = state;
        this.clock = clock;
        this.kafkaConfig = kafkaConfig;
        this.contactsTopic = contactsTopic;
        this.engagementsTopic = engagementsTopic;
    }

    /** Starts a rebuild on this replica; false when one is already running (here or on another replica). */
    public boolean start() {
        Connection runner;
        try {
            runner = dataSource.getConnection();
            runner.setAutoCommit(true);
            if (!RebuildRuns.tryAcquire(runner)) {
                runner.close();
                return false;
            }
            RebuildRuns.write(runner, Status.RUNNING.name(), 0, 0, RUNNER, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a rebuild: " + e.getMessage(), e);
        }
        executor.submit(() -> run(runner));
        return true;
    }

    /** The status as every replica sees it. */
    public Progress progress() {
        RebuildRuns.Run run = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(em, RebuildRuns::read));
        Status status = Status.valueOf(run.status());
        if (status == Status.RUNNING && !run.runnerAlive()) {
            status = Status.FAILED; // its runner died (its connection, and the lock, are gone)
        }
        long f = run.folded();
        long t = run.total();
        double percent = status == Status.DONE ? 100.0 : t == 0 ? 0.0 : Math.min(100.0, Math.floor(1000.0 * f / t) / 10.0);
        return new Progress(status, f, t, percent);
    }

    /** Test hook: the rebuild will wait on the returned latch before switching over; count it down to go on. */
    public CountDownLatch holdBeforeSwitch() {
        CountDownLatch latch = new CountDownLatch(1);
        holdBeforeSwitch = latch;
        return latch;
    }

    /** Test hook: true while the rebuild waits before the switch. */
    public boolean holding() {
        return holding;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(Connection runner) {
        long[] folded = {0};
        long total = 0;
        try (runner; KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            prepareTables();
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            RebuildRuns.progress(runner, 0, total);
            LOG.infof("Rebuild started: %d records in %d partitions", total, partitions.size());
            foldUntil(consumer, end, runner, folded, total);
            awaitHold();
            for (int i = 0; i < 5; i++) { // catch up outside the gate, so the switch holds it briefly
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                if (lag(consumer, now) < BATCH) {
                    break;
                }
                foldUntil(consumer, now, runner, folded, total);
            }
            QuarkusTransaction.requiringNew().timeout(600).run(() -> Jdbc.call(em, c -> {
                FoldGate.close(c);
                Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
                setSearchPath(c);
                while (lag(consumer, last) > 0) {
                    folded[0] += foldRecords(c, consumer.poll(Duration.ofMillis(500)));
                }
                try (PreparedStatement s = c.prepareStatement("set local search_path to public")) {
                    s.execute();
                }
                switchTables(c);
                state.recordRebuilt(c);
                return null;
            }));
            RebuildRuns.write(runner, Status.DONE.name(), folded[0], Math.max(total, folded[0]), null, null);
            LOG.infof("Rebuild done: %d records folded", folded[0]);
        } catch (Throwable e) {
            LOG.error("Rebuild failed; the live tables are unchanged", e);
            try (Connection c = dataSource.getConnection()) {
                RebuildRuns.write(c, Status.FAILED.name(), folded[0], total, null, String.valueOf(e));
            } catch (SQLException ignored) {
                // the status then reads FAILED anyway: RUNNING without its runner's lock
            }
        }
    }

    private void awaitHold() throws InterruptedException {
        CountDownLatch hold = holdBeforeSwitch;
        if (hold != null) {
            holdBeforeSwitch = null;
            holding = true;
            try {
                hold.await(10, TimeUnit.MINUTES);
            } finally {
                holding = false;
            }
        }
    }

    private static void switchTables(Connection c) throws SQLException {
        for (String t : TABLES) {
            execute(c, "drop table if exists analytics_retired." + t + " cascade");
        }
        for (String t : TABLES) {
            execute(c, "alter table public." + t + " set schema analytics_retired");
        }
        for (String t : TABLES) {
            execute(c, "alter table analytics_rebuild." + t + " set schema public");
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    private static void setSearchPath(Connection c) throws SQLException {
        execute(c, "set local search_path to analytics_rebuild, public");
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild");
        return config;
    }

    private void prepareTables() {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.call(em, c -> {
            for (String t : TABLES) {
                execute(c, "drop table if exists analytics_rebuild." + t + " cascade");
            }
            for (String t : TABLES) {
                execute(c, "create table analytics_rebuild." + t + " (like public." + t + " including all)");
            }
            return null;
        }));
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : List.of(contactsTopic, engagementsTopic)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return result;
    }

    private static long lag(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> target) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            lag += Math.max(0, e.getValue() - consumer.position(e.getKey()));
        }
        return lag;
    }

    /** Folds into analytics_rebuild, one transaction per poll, until every partition reaches its target. */
    private void foldUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> target, Connection runner,
        long[] folded, long total) throws SQLException {
        while (lag(consumer, target) > 0) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            folded[0] += QuarkusTransaction.requiringNew().timeout(300).call(() -> Jdbc.call(em, c -> {
                setSearchPath(c);
                return foldRecords(c, records);
            }));
            RebuildRuns.progress(runner, folded[0], Math.max(total, folded[0]));
        }
    }

    /** Parses and folds one poll (malformed records, dead-lettered by the live consumer, are skipped); answers its size. */
    private int foldRecords(Connection c, ConsumerRecords<String, String> records) throws SQLException {
        List<EngagementChange> engagementChanges = new ArrayList<>();
        List<ContactTopicEvent> contactEvents = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                if (engagementsTopic.equals(record.topic())) {
                    engagementChanges.add(parser.engagement(codec.read(record.value())));
                } else {
                    contactEvents.add(parser.contactTopic(codec.read(record.value())));
                }
            } catch (MalformedEventException e) {
                // dead-lettered by the live consumer; skipped here too
            }
        }
        contacts.fold(c, contactEvents);
        engagements.fold(c, engagementChanges, clock.now());
        return records.count();
    }
}
