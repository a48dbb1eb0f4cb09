package io.rapport.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A pending event: written with the change it describes, deleted once Kafka acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "message_key", nullable = false, length = 200)
    public String messageKey;

    @Column(name = "event_type", nullable = false, length = 200)
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C {@code traceparent} of the writing transaction's trace, sent as a Kafka header; null if untraced. */
    @Column(columnDefinition = "text")
    public String traceparent;

    /** W3C {@code tracestate} that came with it, if any. */
    @Column(columnDefinition = "text")
    public String tracestate;
}
