package io.rapport.analytics.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.rapport.analytics.model.EngagementSnapshot;

/**
 * A row of {@code engagement}: the latest state of an engagement (highest version wins) with the id
 * of the event that carried it, its participants' units, and how far its slices are credited.
 *
 * @param version          the engagement's version
 * @param eventId          the event that carried this state
 * @param cancelled        whether the carrying event was a cancellation (or the status is CANCELLED)
 * @param snapshot         the state, as the model sees it (status CANCELLED when cancelled)
 * @param participantUnits each participant's business unit at the time (null when not given)
 * @param creditedUntil    slices at or before this instant are in the relationship rows; null: none
 * @param nextDueAt        next instant something falls due (a slice, the start); null: nothing more
 */
public record StoredEngagement(long version, String eventId, boolean cancelled, EngagementSnapshot snapshot,
                               Map<UUID, UUID> participantUnits, Instant creditedUntil, Instant nextDueAt) {

    public UUID id() {
        return snapshot.id();
    }
}
