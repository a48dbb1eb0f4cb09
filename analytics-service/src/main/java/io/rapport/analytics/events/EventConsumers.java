package io.rapport.analytics.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.rapport.analytics.events.ConsumedEvent.ContactTopicEvent;
import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.mapping.EventParser;
import io.rapport.analytics.service.FoldService;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.metrics.ConsumerMetrics;
import io.rapport.platform.metrics.RapportMetrics;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Consumes {@code rapport.contacts.v1} (channel {@code contacts}) and {@code rapport.engagements.v1}
 * (channel {@code engagements}), consumer group {@code analytics-service}, in batches (one poll of the
 * Kafka consumer, up to {@code max.poll.records}), one batch at a time per channel, in order per
 * partition.
 * <ul>
 * <li>Each record is parsed first. A record that is not a CloudEvents JSON envelope, has an unknown
 * type or does not fit its type's shape is sent by this class to {@code <topic>.dlq}, with the reason
 * in the {@code dead-letter-reason} header and the original topic, partition and offset in
 * {@code dead-letter-topic}/{@code -partition}/{@code -offset} (the header names of SmallRye's
 * dead-letter queue); the batch is acknowledged only once the dead-letter topic has acknowledged
 * those records. Tombstones (null value) are skipped. A value that is not a {@code String} (only possible if
 * the channel's configuration converts it, e.g. without {@code cloud-events=false}) is dead-lettered as its
 * text, so a misconfigured channel shows up in the dead-letter topic instead of stalling its partitions.</li>
 * <li>The good records of the batch are folded in one transaction ({@link FoldService}). When that
 * fails (the database is unavailable), the whole batch is retried with capped exponential backoff
 * ({@code rapport.fold.retry.initial-backoff}, doubling up to {@code rapport.fold.retry.max-backoff}),
 * indefinitely, each failure logged; nothing is dead-lettered for it and nothing is acknowledged, so
 * a crash meanwhile redelivers the batch. The connector keeps polling (the consumer stays in its
 * group) with the partitions paused while the batch waits.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    private static final Duration DEAD_LETTER_ACK_TIMEOUT = Duration.ofSeconds(30);

    private final CloudEventCodec codec;
    private final EventParser parser;
    private final FoldService fold;
    private final ConsumerMetrics metrics;
    private final MutinyEmitter<String> contactsDlq;
    private final MutinyEmitter<String> engagementsDlq;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public EventConsumers(CloudEventCodec codec, EventParser parser, FoldService fold, ConsumerMetrics metrics,
        @Channel("contacts-dlq") MutinyEmitter<String> contactsDlq,
        @Channel("engagements-dlq") MutinyEmitter<String> engagementsDlq,
        @ConfigProperty(name = "rapport.fold.retry.initial-backoff", defaultValue = "PT0.5S") Duration initialBackoff,
        @ConfigProperty(name = "rapport.fold.retry.max-backoff", defaultValue = "PT30S") Duration maxBackoff) {
        this.codec = codec;
        this.parser = parser;
        this.fold = fold;
        this.metrics = metrics;
        this.contactsDlq = contactsDlq;
        this.engagementsDlq = engagementsDlq;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("contacts")
    @Blocking
    public void contacts(ConsumerRecords<String, String> records) {
        List<ContactTopicEvent> changes = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> malformed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        parse(records, parser::contactTopic, changes::add, malformed, reasons);
        deadLetter("contacts", contactsDlq, malformed, reasons);
        retrying("contacts", changes.size(), () -> fold.applyContactBatch(changes));
        metrics.channel("contacts").folded(changes.size());
    }

    @Incoming("engagements")
    @Blocking
    public void engagements(ConsumerRecords<String, String> records) {
        List<EngagementChange> changes = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> malformed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        parse(records, parser::engagement, changes::add, malformed, reasons);
        deadLetter("engagements", engagementsDlq, malformed, reasons);
        retrying("engagements", changes.size(), () -> fold.applyEngagementBatch(changes));
        metrics.channel("engagements").folded(changes.size());
    }

    private <T extends ConsumedEvent> void parse(ConsumerRecords<String, String> records, Function<CloudEvent, T> parse,
        Consumer<T> good,
        List<ConsumerRecord<String, String>> malformed, List<String> reasons) {
        for (ConsumerRecord<String, String> record : records) {
            Object value = record.value(); // declared String; another type reaches here only through misconfiguration
            if (value == null) {
                continue; // a tombstone: nothing to fold
            }
            try {
                if (!(value instanceof String json)) {
                    throw new MalformedEventException("the record value is a " + value.getClass().getSimpleName()
                        + ", not the raw CloudEvents JSON text (the channel must not convert it: cloud-events=false,"
                        + " StringDeserializer)", null);
                }
                good.accept(parse.apply(codec.read(json)));
            } catch (MalformedEventException e) {
                LOG.warnf("Dead-lettering %s-%d offset %d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
                malformed.add(record);
                reasons.add(e.getMessage());
            } catch (RuntimeException e) {
                // parsing touches no database: any other failure here is a property of the record itself
                String reason = "cannot be parsed: " + e;
                LOG.warnf(e, "Dead-lettering %s-%d offset %d: %s", record.topic(), record.partition(), record.offset(), reason);
                malformed.add(record);
                reasons.add(reason);
            }
        }
    }

    /** Sends the malformed records to the dead-letter topic and waits for its acknowledgements (retried until they come). */
    private void deadLetter(String channel, MutinyEmitter<String> dlq, List<ConsumerRecord<String, String>> records,
        List<String> reasons) {
        if (records.isEmpty()) {
            return;
        }
        retrying("dead letters", records.size(), () -> {
            List<io.smallrye.mutiny.Uni<Void>> sends = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, String> r = records.get(i);
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    headers.add(h);
                }
                headers.add(DEAD_LETTER_REASON, utf8(reasons.get(i)));
                headers.add("dead-letter-exception-class-name", utf8(MalformedEventException.class.getName()));
                headers.add("dead-letter-topic", utf8(r.topic()));
                headers.add("dead-letter-partition", utf8(Integer.toString(r.partition())));
                headers.add("dead-letter-offset", utf8(Long.toString(r.offset())));
                OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(r.key()).withHeaders(headers).build();
                // as text: the value may not be the declared String (see parse), and the serializer takes only text
                sends.add(dlq.sendMessage(Message.of(Objects.toString(r.value(), null), Metadata.of(metadata))));
            }
            io.smallrye.mutiny.Uni.join().all(sends).andFailFast().await().atMost(DEAD_LETTER_ACK_TIMEOUT);
        });
        metrics.channel(channel).deadLettered(RapportMetrics.MALFORMED, records.size());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs the action until it succeeds: capped exponential backoff, every failure logged, no limit on attempts. */
    private void retrying(String what, int size, Runnable action) {
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                if (attempt > 1) {
                    LOG.infof("Batch of %d %s succeeded at attempt %d", size, what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e; // shutting down: the batch is not acknowledged and will be redelivered
                }
                LOG.warnf("Batch of %d %s failed (attempt %d: %s); retrying in %d ms", size, what, attempt, rootMessage(e), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e) : e.getClass().getSimpleName() + " caused by " + t;
    }
}
