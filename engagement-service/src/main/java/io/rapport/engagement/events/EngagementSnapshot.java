package io.rapport.engagement.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full current state of an engagement as every engagement event carries it (analytics keeps the
 * latest version per engagement). Schema: {@code schemas/events/engagement.*.v1.schema.json}.
 */
public record EngagementSnapshot(
    UUID engagementId,
    long version,
    String type,
    String title,
    Instant startAt,
    Instant endAt,
    String status,
    String direction,
    double effortHours,
    Integer sentiment,
    LeadData lead,
    UUID forumId,
    Double hoursPledged,
    Double hoursDelivered,
    List<ParticipantData> participants,
    int groupSize,
    Instant occurredAt,
    Instant completedAt) {

    public record LeadData(String name, String email) {
    }

    /** A participant with its business unit as recorded at the time of the engagement. */
    public record ParticipantData(UUID contactId, String role, UUID businessUnitId) {
    }

    /** {@code rapport.engagement.updated.v1}: the state before and after, so analytics can take back the old contribution. */
    public record Updated(EngagementSnapshot previous, EngagementSnapshot current) {
    }

    /** {@code rapport.engagement.status-changed.v1}. */
    public record StatusChanged(String from, String to, EngagementSnapshot current) {
    }
}
