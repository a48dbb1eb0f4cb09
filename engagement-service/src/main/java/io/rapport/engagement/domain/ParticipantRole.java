package io.rapport.engagement.domain;

/** The part a contact played in an engagement. */
public enum ParticipantRole {
    HOST,
    ATTENDEE,
    SECONDEE,
    SHADOW,
    TRAINEE,
    EXPERT,
    OTHER
}
