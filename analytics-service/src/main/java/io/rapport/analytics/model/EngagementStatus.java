package io.rapport.analytics.model;

/**
 * Engagement lifecycle status (API.md). Only {@link #ACTIVE} and {@link #COMPLETED} engagements
 * contribute to a relationship: a {@link #PROPOSED} or {@link #AGREED} one has not happened yet,
 * a {@link #CANCELLED} one never will.
 */
public enum EngagementStatus {
    PROPOSED,
    AGREED,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    /** Whether an engagement in this status contributes to relationship strength. */
    public boolean contributes() {
        return this == ACTIVE || this == COMPLETED;
    }
}
