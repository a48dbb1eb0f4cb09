package io.rapport.platform.outbox;

import java.util.Objects;

/**
 * An event a service wants published: the topic, the aggregate id (the record key, so one
 * aggregate's events stay in order), the CloudEvents type and subject, the schema URI and the body.
 */
public record OutboundEvent(String topic, String aggregateId, String type, String subject, String dataschema,
                            Object data) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
