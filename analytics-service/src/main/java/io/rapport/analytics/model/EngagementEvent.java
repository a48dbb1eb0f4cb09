package io.rapport.analytics.model;

import java.util.Objects;
import java.util.UUID;

/**
 * One engagement event, reduced to what the fold needs.
 *
 * <p>The fold keeps, per engagement, the state of the highest {@code version} it has seen ("latest
 * version wins"), so it never needs the "old" half of an update event: the contribution taken back
 * is the one the model itself recorded for the engagement. That is what makes out-of-order arrival
 * converge (an update before its log, a cancellation before the log).
 *
 * @param eventId      the CloudEvents id; a repeat of an id already applied changes nothing
 * @param engagementId the engagement (aggregate) id
 * @param version      the engagement's version after this event (the aggregate's optimistic-lock
 *                     version, strictly increasing per engagement, starting at 1)
 * @param kind         logged, updated or cancelled
 * @param engagement   the engagement after the event; required for LOGGED and UPDATED, ignored
 *                     (may be null) for CANCELLED
 */
public record EngagementEvent(String eventId, UUID engagementId, long version, Kind kind, EngagementSnapshot engagement) {

    public enum Kind {
        LOGGED,
        UPDATED,
        CANCELLED
    }

    public EngagementEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(kind, "kind");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        if (kind == Kind.CANCELLED) {
            engagement = null;
        } else {
            Objects.requireNonNull(engagement, "engagement (required for " + kind + ")");
            if (!engagement.id().equals(engagementId)) {
                throw new IllegalArgumentException("engagement id " + engagement.id() + " != event engagementId " + engagementId);
            }
        }
    }

    public static EngagementEvent logged(String eventId, long version, EngagementSnapshot engagement) {
        return new EngagementEvent(eventId, engagement.id(), version, Kind.LOGGED, engagement);
    }

    public static EngagementEvent updated(String eventId, long version, EngagementSnapshot engagement) {
        return new EngagementEvent(eventId, engagement.id(), version, Kind.UPDATED, engagement);
    }

    public static EngagementEvent cancelled(String eventId, UUID engagementId, long version) {
        return new EngagementEvent(eventId, engagementId, version, Kind.CANCELLED, null);
    }

    /** Whether the engagement contributes after this event. */
    boolean contributes() {
        return kind != Kind.CANCELLED && engagement.status().contributes();
    }
}
