package io.rapport.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;

/**
 * Writes events into the outbox table inside the caller's transaction (it refuses to run without
 * one): the event exists if and only if the change it describes was committed. Each row keeps the
 * W3C trace context current at write time (see {@link TraceHeaders}), which the relay sends as the
 * record's {@code traceparent} / {@code tracestate} headers.
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
        TraceHeaders trace = TraceHeaders.current();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        row.persist();
        written.fire(new OutboxWritten(row.id));
        return event;
    }

    /**
     * Records many events at once (bulk operations such as an import), in list order, with JDBC
     * batched inserts instead of one round trip per event; same guarantees as {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> publishAll(List<OutboundEvent> outbound) {
        if (outbound.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<CloudEvent> events = new ArrayList<>(outbound.size());
        List<String> payloads = new ArrayList<>(outbound.size());
        for (OutboundEvent o : outbound) {
            CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(),
                o.type(), now, o.subject(), CloudEvent.JSON, o.dataschema(), codec.toTree(o.data()));
            events.add(event);
            payloads.add(codec.write(event));
        }
        TraceHeaders trace = TraceHeaders.current();
        OutboxEvent.getEntityManager().flush(); // rows persisted through publish() keep their place before these
        OutboxEvent.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                + " (id, topic, message_key, event_type, payload, created_at, traceparent, tracestate)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    OutboundEvent o = outbound.get(i);
                    insert.setObject(1, UUID.fromString(events.get(i).id()));
                    insert.setString(2, o.topic());
                    insert.setString(3, o.aggregateId());
                    insert.setString(4, o.type());
                    insert.setString(5, payloads.get(i));
                    insert.setObject(6, now.atOffset(ZoneOffset.UTC));
                    insert.setString(7, trace.traceparent());
                    insert.setString(8, trace.tracestate());
                    insert.addBatch();
                    if ((i + 1) % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten(UUID.fromString(events.get(0).id())));
        return events;
    }

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record OutboxWritten(UUID eventId) {
    }
}
