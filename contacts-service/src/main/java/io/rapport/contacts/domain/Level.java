package io.rapport.contacts.domain;

/** A contact's influence or interest on the stakeholder grid (HIGH is the high half; MEDIUM, LOW and none the low half). */
public enum Level {
    LOW, MEDIUM, HIGH
}
