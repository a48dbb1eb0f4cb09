package io.rapport.analytics.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
import io.rapport.analytics.mapping.EventParser.EngagementChange;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.smallrye.common.annotation.Identifier;

/**
 * Re-folds the whole history of both topics, from offset 0, into a fresh copy of the read model and
 * switches to it atomically.
 *
 * <ol>
 * <li>Fresh tables {@code analytics_rebuild.*} are created {@code LIKE} the live ones. A plain
 * {@link KafkaConsumer} (no group, {@code assign} + {@code seekToBeginning}, configured from the
 * {@code default-kafka-broker} bean, so TLS/SASL settings apply) reads both topics; {@code total} is
 * the sum of the end offsets captured at the start. Records are folded by {@link FoldService}'s rules
 * in transactions of up to {@value #BATCH} records whose {@code search_path} is
 * {@code analytics_rebuild}, without the inbox. Queries meanwhile read the live tables.</li>
 * <li>It then catches up with new end offsets (while the live consumers go on).</li>
 * <li>Switch, in one transaction: take the exclusive side of the fold gate (an advisory lock every
 * live fold transaction takes in shared mode as its first statement, see {@link #enterLiveFold}), so
 * no live fold is in flight; read the end offsets again and fold up to them (every event a live
 * consumer has applied was on the broker before, so is below these offsets: nothing it applied is
 * lost); move the live tables to {@code analytics_retired} and the rebuilt ones into the default
 * schema; commit. Live folds blocked at the gate resume on the new tables; the events they apply
 * afterwards may already be in the rebuilt tables, which is harmless (versions decide).</li>
 * </ol>
 * Scores are not stored (the model computes them at read time from the rows), so "under the current
 * parameters" holds by construction; the score cache is cleared after the switch. One rebuild at a
 * time per instance (status in memory).
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** Key of the advisory lock between live folds (shared) and the rebuild's switch (exclusive). */
    static final long FOLD_GATE = 0x52617070_52626c64L;
    static final int BATCH = 500;
    static final List<String> TABLES = List.of("business_unit", "contact", "stakeholder_role", "engagement",
        "engagement_participant");

    public enum Status {
        IDLE, RUNNING, DONE, FAILED
    }

    public record Progress(Status status, long folded, long total, double percent) {
    }

    private final EntityManager em;
    private final FoldService fold;
    private final CloudEventCodec codec;
    private final ScoreCache cache;
    private final Map<String, Object> kafkaConfig;
    private final String contactsTopic;
    private final String engagementsTopic;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong folded = new AtomicLong();
    private volatile long total;
    private volatile Status status = Status.IDLE;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "analytics-rebuild");
        t.setDaemon(true);
        return t;
    });

    /** Test hook: when set, the rebuild waits on it after folding the history, before the switch. */
    private volatile CountDownLatch holdBeforeSwitch;
    private volatile boolean holding;

    public RebuildService(EntityManager em, FoldService fold, CloudEventCodec codec, ScoreCache cache,
        @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
        @ConfigProperty(name = "mp.messaging.incoming.contacts.topic") String contactsTopic,
        @ConfigProperty(name = "mp.messaging.incoming.engagements.topic") String engagementsTopic) {
        this.em = em;
        this.fold = fold;
        this.codec = codec;
        this.cache = cache;
        this.kafkaConfig = kafkaConfig;
        this.contactsTopic = contactsTopic;
        this.engagementsTopic = engagementsTopic;
    }

    /** First statement of every live fold transaction: the shared side of the gate. */
    static void enterLiveFold(EntityManager em) {
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock_shared(" + FOLD_GATE + ")").getSingleResult();
    }

    /** Starts a rebuild; false when one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        folded.set(0);
        total = 0;
        status = Status.RUNNING;
        executor.submit(this::run);
        return true;
    }

    public Progress progress() {
        long f = folded.get();
        long t = total;
        Status s = status;
        double percent = s == Status.DONE ? 100.0 : t == 0 ? 0.0 : Math.min(100.0, Math.floor(1000.0 * f / t) / 10.0);
        return new Progress(s, f, t, percent);
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

    private void run() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            prepareTables();
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            LOG.infof("Rebuild started: %d records in %d partitions", total, partitions.size());
            foldUntil(consumer, end);

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
            // Catch up with what arrived meanwhile, outside the gate, so the switch holds it briefly.
            for (int i = 0; i < 5; i++) {
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
                if (lag(consumer, now) < BATCH) {
                    break;
                }
                foldUntil(consumer, now);
            }
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                em.createNativeQuery("select count(*) from pg_advisory_xact_lock(" + FOLD_GATE + ")").getSingleResult();
                Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
                em.createNativeQuery("set local search_path to analytics_rebuild").executeUpdate();
                while (lag(consumer, last) > 0) {
                    foldRecords(consumer.poll(Duration.ofMillis(500)));
                }
                em.flush();
                em.clear();
                for (String t : TABLES) {
                    em.createNativeQuery("drop table if exists analytics_retired." + t + " cascade").executeUpdate();
                }
                for (String t : TABLES) {
                    em.createNativeQuery("alter table public." + t + " set schema analytics_retired").executeUpdate();
                }
                for (String t : TABLES) {
                    em.createNativeQuery("alter table analytics_rebuild." + t + " set schema public").executeUpdate();
                }
            });
            cache.clear();
            status = Status.DONE;
            LOG.infof("Rebuild done: %d records folded", folded.get());
        } catch (Throwable e) {
            LOG.error("Rebuild failed; the live tables are unchanged", e);
            status = Status.FAILED;
        } finally {
            running.set(false);
        }
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
        QuarkusTransaction.requiringNew().run(() -> {
            for (String t : TABLES) {
                em.createNativeQuery("drop table if exists analytics_rebuild." + t + " cascade").executeUpdate();
            }
            for (String t : TABLES) {
                em.createNativeQuery("create table analytics_rebuild." + t + " (like public." + t + " including all)")
                    .executeUpdate();
            }
        });
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
    private void foldUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> target) {
        while (lag(consumer, target) > 0) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                em.createNativeQuery("set local search_path to analytics_rebuild").executeUpdate();
                foldRecords(records);
            });
        }
    }

    private void foldRecords(ConsumerRecords<String, String> records) {
        List<EngagementChange> engagements = new ArrayList<>();
        List<FoldService.ContactTopicChange> contacts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() != null) {
                try {
                    Object change = fold.parse(codec.read(record.value()), engagementsTopic.equals(record.topic()));
                    if (change instanceof EngagementChange e) {
                        engagements.add(e);
                    } else {
                        contacts.add((FoldService.ContactTopicChange) change);
                    }
                } catch (MalformedEventException e) {
                    // dead-lettered by the live consumer; skipped here too
                }
            }
            folded.incrementAndGet();
        }
        fold.foldForRebuild(engagements, contacts);
    }
}
