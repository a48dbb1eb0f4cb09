package io.rapport.engagement.domain;

/** Every way the PMO builds a relationship. */
public enum EngagementType {
    ONE_TO_ONE,
    LEADERSHIP_FORUM,
    SHADOWING,
    ON_THE_JOB_TRAINING,
    SECONDMENT,
    EXPERTISE_EXCHANGE,
    SME_HOURS,
    NETWORKING;

    /** Long-running types have a lifecycle (PROPOSED → AGREED → ACTIVE → COMPLETED), an end and hours. */
    public boolean longRunning() {
        return this == SECONDMENT || this == SHADOWING || this == ON_THE_JOB_TRAINING;
    }
}
