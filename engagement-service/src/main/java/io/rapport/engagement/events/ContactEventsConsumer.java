package io.rapport.engagement.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.rapport.engagement.service.ContactReadModelService;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.rapport.platform.metrics.ConsumerMetrics;
import io.rapport.platform.metrics.RapportMetrics;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code rapport.contacts.v1} (consumer group {@code engagement-service}) into the contact
 * read model. Contact events are applied; business-unit and stakeholder-role events are
 * acknowledged and ignored. A message that cannot be parsed or applied throws, and the channel's
 * dead-letter-queue strategy sends it to {@code rapport.contacts.v1.dlq} with the reason
 * (header {@code dead-letter-reason}); consumption carries on.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ContactEventsConsumer.class);
    private static final int MAX_ATTEMPTS = 3;

    private final CloudEventCodec codec;
    private final ContactReadModelService readModel;
    private final ConsumerMetrics.Channel metrics;

    public ContactEventsConsumer(CloudEventCodec codec, ContactReadModelService readModel, ConsumerMetrics metrics) {
        this.codec = codec;
        this.readModel = readModel;
        this.metrics = metrics.channel("contacts");
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
        switch (event.type()) {
            case ContactEvents.CREATED, ContactEvents.UPDATED, ContactEvents.LEFT, ContactEvents.ERASED -> apply(event);
            default -> LOG.warnf("Ignoring contact event %s of unknown type %s", event.id(), event.type());
        }
    }

    /**
     * A malformed event is dead-lettered at once; any other failure (e.g. the database briefly
     * unavailable) is retried a few times first, so a valid event is not dead-lettered for a blip.
     */
    private void apply(CloudEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                readModel.apply(event);
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Applying contact event %s failed (attempt %d of %d, %s); retrying", event.id(), attempt,
                    MAX_ATTEMPTS, e.getMessage());
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
