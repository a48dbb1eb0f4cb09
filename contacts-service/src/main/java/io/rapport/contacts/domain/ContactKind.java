package io.rapport.contacts.domain;

/** Derived: STAKEHOLDER while the contact holds an open stakeholder role, else INTERNAL. */
public enum ContactKind {
    INTERNAL, STAKEHOLDER
}
