package io.rapport.analytics.events;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.rapport.analytics.service.FoldService;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code rapport.contacts.v1} (channel {@code contacts}) and {@code rapport.engagements.v1}
 * (channel {@code engagements}), consumer group {@code analytics-service}, in order per partition.
 * A message that is not a CloudEvents JSON envelope, has an unknown type or does not fit its
 * type's shape throws {@link MalformedEventException}; the channel's dead-letter-queue strategy then
 * sends it to {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header and the
 * consumer carries on. Any other failure (the database briefly unavailable) is retried a few times
 * before it is dead-lettered too.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final int MAX_ATTEMPTS = 3;

    private final CloudEventCodec codec;
    private final FoldService fold;

    public EventConsumers(CloudEventCodec codec, FoldService fold) {
        this.codec = codec;
        this.fold = fold;
    }

    @Incoming("contacts")
    @Blocking
    public void contacts(ConsumerRecord<String, String> record) {
        consume(record, fold::applyContactEvent);
    }

    @Incoming("engagements")
    @Blocking
    public void engagements(ConsumerRecord<String, String> record) {
        consume(record, fold::applyEngagementEvent);
    }

    private void consume(ConsumerRecord<String, String> record, Consumer<CloudEvent> apply) {
        if (record.value() == null) {
            return; // a tombstone: nothing to fold
        }
        CloudEvent event = codec.read(record.value());
        for (int attempt = 1; ; attempt++) {
            try {
                apply.accept(event);
                return;
            } catch (MalformedEventException e) {
                LOG.warnf("Dead-lettering %s offset %d of %s: %s", record.topic(), record.offset(), event.id(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Folding event %s failed (attempt %d of %d, %s); retrying", event.id(), attempt, MAX_ATTEMPTS,
                    e.getMessage());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
