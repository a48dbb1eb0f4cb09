package io.rapport.engagement.events;

import java.util.Set;

/**
 * The contact event types of {@code rapport.contacts.v1} (producer: contacts-service, which owns their
 * schemas). Version 2 of created / updated / left adds cadenceDays, influence, interest and stance, which
 * this service does not read: both versions are applied alike (version 1 events stay on the topic).
 */
public final class ContactEvents {

    public static final String CREATED = "rapport.contact.created.v1";
    public static final String UPDATED = "rapport.contact.updated.v1";
    public static final String LEFT = "rapport.contact.left.v1";
    public static final String CREATED_V2 = "rapport.contact.created.v2";
    public static final String UPDATED_V2 = "rapport.contact.updated.v2";
    public static final String LEFT_V2 = "rapport.contact.left.v2";
    public static final String ERASED = "rapport.contact.erased.v1";
    /** Prefix of every contact event; business-unit and stakeholder-role events on the topic are ignored. */
    public static final String PREFIX = "rapport.contact.";

    /** Every contact event type the read model applies. */
    public static final Set<String> APPLIED = Set.of(CREATED, UPDATED, LEFT, CREATED_V2, UPDATED_V2, LEFT_V2, ERASED);

    private ContactEvents() {
    }

    public static boolean isLeft(String type) {
        return LEFT.equals(type) || LEFT_V2.equals(type);
    }
}
