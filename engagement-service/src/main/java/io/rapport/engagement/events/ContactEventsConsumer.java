package io.rapport.engagement.events;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.rapport.engagement.service.ContactReadModelService;
import io.rapport.engagement.service.ContactReadModelService.ContactChange;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.rapport.platform.metrics.ConsumerMetrics;
import io.rapport.platform.metrics.RapportMetrics;
import io.rapport.platform.inbox.RetryUntilDone;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code rapport.contacts.v1} (consumer group {@code engagement-service}) into the contact
 * read model. Contact events (every version in {@link ContactEvents}) are applied; business-unit and
 * stakeholder-role events are acknowledged and ignored.
 * <ul>
 * <li>A message that cannot be parsed, or lacks what the read model needs, throws
 * {@link CloudEventCodec.MalformedEventException} before any database work, and the channel's
 * dead-letter-queue strategy sends it to {@code rapport.contacts.v1.dlq} with the reason (header
 * {@code dead-letter-reason}); consumption carries on.</li>
 * <li>A valid event is applied in one transaction, retried while that fails (the database is down)
 * with capped exponential backoff and no limit ({@link RetryUntilDone},
 * {@code rapport.contact-read-model.retry.*}): never dead-lettered for a database failure, not
 * acknowledged until applied, so a crash meanwhile redelivers it.</li>
 * </ul>
 */
@ApplicationScoped
public class ContactEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ContactEventsConsumer.class);

    private final CloudEventCodec codec;
    private final ContactReadModelService readModel;
    private final ConsumerMetrics.Channel metrics;
    private final RetryUntilDone retry;

    public ContactEventsConsumer(CloudEventCodec codec, ContactReadModelService readModel, ConsumerMetrics metrics,
        @ConfigProperty(name = "rapport.contact-read-model.retry.initial-backoff", defaultValue = "PT0.5S") Duration initialBackoff,
        @ConfigProperty(name = "rapport.contact-read-model.retry.max-backoff", defaultValue = "PT30S") Duration maxBackoff) {
        this.codec = codec;
        this.readModel = readModel;
        this.metrics = metrics.channel("contacts");
        this.retry = new RetryUntilDone(initialBackoff, maxBackoff);
    }

    void onStop(@Observes ShutdownEvent event) {
        retry.stop();
    }

    /**
     * Counts the record: folded when handled, dead-lettered when it throws (the channel's
     * dead-letter-queue strategy then sends it to the dead-letter topic).
     */
    @Incoming("contacts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        try {
            handle(record);
        } catch (RuntimeException e) {
            metrics.deadLettered(e instanceof MalformedEventException ? RapportMetrics.MALFORMED : RapportMetrics.FAILED, 1);
            throw e;
        }
        metrics.folded(1);
    }

    private void handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return; // a tombstone: nothing to apply
        }
        CloudEvent event = codec.read(record.value());
        if (!event.type().startsWith(ContactEvents.PREFIX)) {
            return; // rapport.business-unit.* and rapport.stakeholder-role.*: not needed here
        }
        if (!ContactEvents.APPLIED.contains(event.type())) {
            LOG.warnf("Ignoring contact event %s of unknown type %s", event.id(), event.type());
            return;
        }
        ContactChange change = readModel.read(event); // malformed: thrown, dead-lettered
        retry.run("contact event " + event.id(), () -> readModel.apply(change));
    }
}
