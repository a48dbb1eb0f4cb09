package io.rapport.engagement.domain;

/** How often a leadership forum meets. */
public enum Cadence {
    WEEKLY,
    FORTNIGHTLY,
    MONTHLY
}
