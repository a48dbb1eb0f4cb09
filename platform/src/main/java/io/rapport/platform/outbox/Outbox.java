package io.rapport.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;

/**
 * Writes events into the outbox table inside the caller's transaction (it refuses to run without
 * one): the event exists if and only if the change it describes was committed.
 */
@ApplicationScoped
public class Outbox {

    private final CloudEventCodec codec;
    private final OutboxConfig config;
    private final Event<OutboxWritten> written;

    public Outbox(CloudEventCodec codec, OutboxConfig config, Event<OutboxWritten> written) {
        this.codec = codec;
        this.config = config;
        this.written = written;
    }

    /** Records the event for publication after commit; returns the CloudEvent written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(OutboundEvent outbound) {
        Instant now = Instant.now();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(),
            outbound.type(), now, outbound.subject(), CloudEvent.JSON, outbound.dataschema(), codec.toTree(outbound.data()));
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = outbound.topic();
        row.messageKey = outbound.aggregateId();
        row.eventType = outbound.type();
        row.payload = codec.write(event);
        row.createdAt = now;
        row.persist();
        written.fire(new OutboxWritten(row.id));
        return event;
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten(UUID eventId) {
    }
}
