package io.rapport.contacts.domain;

public enum ContactStatus {
    ACTIVE, LEFT, ERASED
}
