package io.rapport.contacts.domain;

/** A contact's stance towards the PMO's work, from champion to resistor. */
public enum Stance {
    CHAMPION, SUPPORTER, NEUTRAL, SCEPTIC, RESISTOR
}
