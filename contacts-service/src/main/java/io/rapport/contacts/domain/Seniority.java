package io.rapport.contacts.domain;

public enum Seniority {
    EXECUTIVE, SENIOR_MANAGER, MANAGER, STAFF
}
