package io.rapport.analytics.model;

/** Engagement types, as in the engagement-service contract (API.md). */
public enum EngagementType {
    ONE_TO_ONE,
    LEADERSHIP_FORUM,
    SHADOWING,
    ON_THE_JOB_TRAINING,
    SECONDMENT,
    EXPERTISE_EXCHANGE,
    SME_HOURS,
    NETWORKING
}
