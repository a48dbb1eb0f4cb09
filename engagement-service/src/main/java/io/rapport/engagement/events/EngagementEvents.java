package io.rapport.engagement.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.engagement.config.EngagementConfig;
import io.rapport.platform.outbox.OutboundEvent;
import io.rapport.platform.outbox.Outbox;

/**
 * Writes the engagement events into the outbox, in the caller's transaction. Topic
 * {@code rapport.engagements.v1}, key = engagement id.
 */
@ApplicationScoped
public class EngagementEvents {

    public static final String LOGGED = "rapport.engagement.logged.v1";
    public static final String UPDATED = "rapport.engagement.updated.v1";
    public static final String CANCELLED = "rapport.engagement.cancelled.v1";
    public static final String STATUS_CHANGED = "rapport.engagement.status-changed.v1";

    static final String SCHEMA_BASE = "https://rapport.example/schemas/events/";

    private final Outbox outbox;
    private final EngagementConfig config;

    public EngagementEvents(Outbox outbox, EngagementConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void logged(EngagementSnapshot current) {
        publish(LOGGED, current, current);
    }

    public void updated(EngagementSnapshot previous, EngagementSnapshot current) {
        publish(UPDATED, current, new EngagementSnapshot.Updated(previous, current));
    }

    public void cancelled(EngagementSnapshot current) {
        publish(CANCELLED, current, current);
    }

    public void statusChanged(String from, EngagementSnapshot current) {
        publish(STATUS_CHANGED, current, new EngagementSnapshot.StatusChanged(from, current.status(), current));
    }

    /** The JSON Schema file name of an event type, e.g. {@code engagement.logged.v1.schema.json}. */
    public static String schemaFile(String type) {
        return type.substring("rapport.".length()) + ".schema.json";
    }

    private void publish(String type, EngagementSnapshot current, Object data) {
        String id = current.engagementId().toString();
        outbox.publish(new OutboundEvent(config.eventsTopic(), id, type, "engagements/" + id,
            SCHEMA_BASE + schemaFile(type), data));
    }
}
