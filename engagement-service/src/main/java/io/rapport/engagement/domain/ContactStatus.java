package io.rapport.engagement.domain;

/** A contact's status as contacts-service last reported it. */
public enum ContactStatus {
    ACTIVE,
    LEFT,
    ERASED
}
