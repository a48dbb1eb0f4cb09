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
 * @param endAt        when it ended; required by the API for long-running types, optional otherwise
 * @param direction    which way the value flowed
 * @param effortHours  effort in hours, {@code null} when not recorded (counts as 0)
 * @param sentiment    1..5 or {@code null}
 * @param participants contact ids of the participants; duplicates are removed, order is canonical
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
        List<UUID> participants) {

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
     * End of the engagement's activity: {@code endAt} when present and after {@code startAt},
     * otherwise {@code startAt}.
     */
    public Instant activityEnd() {
        return endAt != null && endAt.isAfter(startAt) ? endAt : startAt;
    }
}
