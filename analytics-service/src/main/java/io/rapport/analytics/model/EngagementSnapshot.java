package io.rapport.analytics.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the model needs to know of one engagement at one version: everything its contribution is a
 * pure function of (together with {@link ScoringParameters}).
 *
 * @param id           engagement id
 * @param type         engagement type
 * @param status       lifecycle status; only ACTIVE and COMPLETED contribute
 * @param startAt      when it happened (point types) or started (long-running types)
 * @param endAt        when it ended or is planned to end; required by the API for long-running types
 * @param direction    which way the value flowed
 * @param effortHours  effort in hours, {@code null} when not recorded (counts as 0)
 * @param sentiment    1..5 or {@code null}
 * @param participants contact ids of the participants; duplicates are removed, order is canonical
 * @param completedAt  when it moved to COMPLETED, or null (not completed, or not known: events from
 *                     before engagement-service recorded it). A long-running engagement completed
 *                     before its {@code endAt} stops contributing at this instant.
 */
public record EngagementSnapshot(
        UUID id,
        EngagementType type,
        EngagementStatus status,
        Instant startAt,
        Instant endAt,
        Direction direction,
        Double effortHours,
        Integer sentiment,
        List<UUID> participants,
        Instant completedAt) {

    public EngagementSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(participants, "participants");
        if (effortHours != null && !(Double.isFinite(effortHours) && effortHours >= 0)) {
            throw new IllegalArgumentException("effortHours must be finite and >= 0, got " + effortHours);
        }
        if (sentiment != null && (sentiment < 1 || sentiment > 5)) {
            throw new IllegalArgumentException("sentiment must be 1..5, got " + sentiment);
        }
        participants = canonical(participants);
    }

    /** An engagement without a recorded completion instant. */
    public EngagementSnapshot(UUID id, EngagementType type, EngagementStatus status, Instant startAt, Instant endAt,
            Direction direction, Double effortHours, Integer sentiment, List<UUID> participants) {
        this(id, type, status, startAt, endAt, direction, effortHours, sentiment, participants, null);
    }

    private static List<UUID> canonical(Collection<UUID> ids) {
        TreeSet<UUID> set = new TreeSet<>();
        for (UUID id : ids) {
            set.add(Objects.requireNonNull(id, "participant contact id"));
        }
        return List.copyOf(set);
    }

    /** Effort hours, 0 when not recorded. */
    public double hours() {
        return effortHours == null ? 0.0 : effortHours;
    }

    /**
     * End of the engagement's activity as planned: {@code endAt} when present and after
     * {@code startAt}, otherwise {@code startAt}.
     */
    public Instant plannedEnd() {
        return endAt != null && endAt.isAfter(startAt) ? endAt : startAt;
    }

    /**
     * End of the engagement's activity: {@link #plannedEnd()}, or the completion instant when it was
     * COMPLETED earlier than planned (but not before it started).
     */
    public Instant activityEnd() {
        Instant planned = plannedEnd();
        if (status == EngagementStatus.COMPLETED && completedAt != null && completedAt.isBefore(planned)) {
            return completedAt.isAfter(startAt) ? completedAt : startAt;
        }
        return planned;
    }

    /** The same engagement in another status (the completion instant kept). */
    public EngagementSnapshot withStatus(EngagementStatus newStatus) {
        return new EngagementSnapshot(id, type, newStatus, startAt, endAt, direction, effortHours, sentiment, participants,
            completedAt);
    }
}
