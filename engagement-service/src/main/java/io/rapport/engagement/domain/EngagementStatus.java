package io.rapport.engagement.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an engagement is. Long-running types go PROPOSED → AGREED → ACTIVE → COMPLETED, or to
 * CANCELLED from any open state; every other type is COMPLETED when logged and can only be CANCELLED.
 */
public enum EngagementStatus {
    PROPOSED,
    AGREED,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    /** The states this one may move to, for an engagement of the given type. */
    public Set<EngagementStatus> next(EngagementType type) {
        if (!type.longRunning()) {
            return this == COMPLETED ? EnumSet.of(CANCELLED) : EnumSet.noneOf(EngagementStatus.class);
        }
        return switch (this) {
            case PROPOSED -> EnumSet.of(AGREED, CANCELLED);
            case AGREED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(EngagementStatus.class);
        };
    }

    public boolean canMoveTo(EngagementStatus target, EngagementType type) {
        return next(type).contains(target);
    }

    /** The status an engagement of this type has when it is logged. */
    public static EngagementStatus initial(EngagementType type) {
        return type.longRunning() ? PROPOSED : COMPLETED;
    }
}
