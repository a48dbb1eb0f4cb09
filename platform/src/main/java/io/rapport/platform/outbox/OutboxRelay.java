package io.rapport.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka: one background thread, woken right after each commit that wrote
 * an event (and by a slow sweep), sends pending rows in commit order with an idempotent
 * {@code acks=all} producer and deletes each row Kafka acknowledged, in one transaction per batch.
 * Within a batch only the first pending event of each key is sent, so an event of a key is never
 * sent before every earlier event of that key was acknowledged (see {@link #sendBatch}). Each record
 * carries the W3C trace context the row was written in ({@code traceparent}, {@code tracestate}
 * headers), so the consumer's span continues the writing request's trace.
 *
 * <p>A PostgreSQL advisory lock makes one replica at a time the publisher, so a key's events keep
 * their order even with several replicas. While the broker is unreachable the relay backs off and
 * retries; writes are never affected, since they only touch the outbox table. Delivery is
 * at-least-once (a crash between Kafka's acknowledgement and the delete resends), which is why
 * every consumer is idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("rapport" in ASCII). */
    private static final long LOCK_KEY = 0x7261_7070_6f72_74L;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final Map<String, Object> kafkaDefaults;
    private final OutboxMetrics metrics;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();

    private volatile boolean running;
    private volatile String lastFailure;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    /**
     * @param kafkaDefaults every {@code kafka.*} property of the service (bootstrap servers, and in
     *                      production TLS and SASL settings), as Quarkus gives them to its own clients
     */
    public OutboxRelay(OutboxConfig config, EntityManager entityManager,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults, OutboxMetrics metrics) {
        this.config = config;
        this.entityManager = entityManager;
        this.kafkaDefaults = kafkaDefaults;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.warn("The outbox relay is disabled (rapport.outbox.enabled=false): events stay in the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        metrics.register();
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake.release();
    }

    /** Events Kafka acknowledged since start. */
    public long publishedCount() {
        return published.get();
    }

    /** The reason of the last failed attempt, null once an attempt succeeds. */
    public String lastFailure() {
        return lastFailure;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        kafkaDefaults.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int deliveryMs = (int) config.deliveryTimeout().toMillis();
        int requestMs = Math.max(1000, deliveryMs / 3);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestMs));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryMs));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(requestMs));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
        return props;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (backoff.isZero()) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    Thread.sleep(backoff.toMillis()); // commits do not shorten a back-off
                }
                wake.drainPermits();
                if (!running) {
                    break;
                }
                backoff = drain() ? Duration.ZERO : nextBackoff(backoff);
                metrics.refreshIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                lastFailure = e.getMessage();
                LOG.warnf("Outbox relay attempt failed (%s); retrying", e.getMessage());
                backoff = nextBackoff(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration current) {
        Duration next = current.isZero() ? Duration.ofMillis(200) : current.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    /** Publishes batches until the outbox is empty; false when a send failed. */
    private boolean drain() {
        while (running) {
            BatchResult result = QuarkusTransaction.requiringNew().call(this::publishBatch);
            published.addAndGet(result.acknowledged().size());
            if (result.failed()) {
                return false;
            }
            lastFailure = null;
            if (result.fetched() < config.batchSize() && result.deferred() == 0) {
                return true;
            }
        }
        return true;
    }

    private BatchResult publishBatch() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
            .setParameter("key", LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return BatchResult.NOTHING; // another replica publishes
        }
        // FOR UPDATE: a transaction that deletes pending rows (erasure) waits until this batch has
        // either been acknowledged or given up by the producer, so no record it removed can still be
        // sitting in the producer's buffer, to be delivered once the broker is back
        List<OutboxEvent> rows = entityManager
            .createQuery("from OutboxEvent order by seq", OutboxEvent.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setMaxResults(config.batchSize())
            .getResultList();
        if (rows.isEmpty()) {
            return BatchResult.NOTHING;
        }
        BatchResult result = sendBatch(producer, rows);
        Set<Long> acknowledged = new HashSet<>(result.acknowledged());
        rows.stream().filter(row -> acknowledged.contains(row.seq)).forEach(row -> metrics.published(row.topic));
        if (!result.acknowledged().isEmpty()) {
            entityManager.createQuery("delete from OutboxEvent where seq in :seqs")
                .setParameter("seqs", result.acknowledged()).executeUpdate();
        }
        if (result.failed()) {
            lastFailure = result.failure();
            LOG.warnf("Outbox relay: %d of %d events acknowledged, the rest retried later (%s)",
                result.acknowledged().size(), rows.size(), result.failure());
        }
        return result;
    }

    /**
     * Sends one batch (rows in outbox order) and waits for every send. Per aggregate, i.e. per topic
     * and key, only the first row of the batch is sent: a later event of the same key waits for a
     * following batch, which it joins only once Kafka acknowledged (and the relay deleted) every
     * earlier one. So a later event of a key can never reach Kafka before an earlier one: if the
     * earlier send fails, the later one has not been sent at all. (Deleting only the acknowledged rows
     * before the first failure would not be enough: the later record would already be in the log
     * ahead of the resent earlier one, and a consumer that is idempotent on the event id would then
     * skip the later one's second copy.) Other keys are not held up by one key's failure.
     *
     * @return the seqs Kafka acknowledged, all safe to delete, and whether any send failed
     */
    static BatchResult sendBatch(Producer<String, String> producer, List<OutboxEvent> rows) {
        Set<String> keysInBatch = new HashSet<>();
        List<OutboxEvent> sentRows = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        int deferred = 0;
        String failure = null;
        for (OutboxEvent row : rows) {
            if (!keysInBatch.add(row.topic + '\n' + row.messageKey)) {
                deferred++;
                continue;
            }
            try {
                sends.add(producer.send(record(row)));
                sentRows.add(row);
            } catch (KafkaException e) {
                failure = e.getMessage();
                break; // the rest waits for the next attempt, in order
            }
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        boolean failed = failure != null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get();
                acknowledged.add(sentRows.get(i).seq);
            } catch (ExecutionException e) {
                failed = true;
                failure = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                failure = "interrupted";
                break;
            }
        }
        return new BatchResult(rows.size(), acknowledged, deferred, failed, failure);
    }

    /** The Kafka record of a row: CloudEvents headers, and the trace context it was written in ({@link RelayHeaders}). */
    static ProducerRecord<String, String> record(OutboxEvent row) {
        return new ProducerRecord<>(row.topic, null, row.messageKey, row.payload,
            RelayHeaders.of(row.id.toString(), row.eventType, row.traceparent, row.tracestate));
    }

    /**
     * @param fetched      rows read for the batch
     * @param acknowledged seqs of the rows Kafka acknowledged, in outbox order
     * @param deferred     rows not sent because an earlier row of their key was in the batch
     * @param failed       whether a send failed (the relay then backs off)
     * @param failure      the reason of the last failed send
     */
    record BatchResult(int fetched, List<Long> acknowledged, int deferred, boolean failed, String failure) {
        static final BatchResult NOTHING = new BatchResult(0, List.of(), 0, false, null);
    }
}
