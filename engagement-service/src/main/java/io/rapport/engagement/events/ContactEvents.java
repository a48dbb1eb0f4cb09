package io.rapport.engagement.events;

import java.util.Set;

/** The contact event types of {@code rapport.contacts.v1} (producer: contacts-service, which owns their schemas). */
public final class ContactEvents {

    public static final String CREATED = "rapport.contact.created.v1";
    public static final String UPDATED = "rapport.contact.updated.v1";
    public static final String LEFT = "rapport.contact.left.v1";
    public static final String ERASED = "rapport.contact.erased.v1";
    /** Prefix of every contact event; business-unit and stakeholder-role events on the topic are ignored. */
    public static final String PREFIX = "rapport.contact.";

    /** Every contact event type the read model applies. */
    public static final Set<String> APPLIED = Set.of(CREATED, UPDATED, LEFT, ERASED);

    private ContactEvents() {
    }

    public static boolean isLeft(String type) {
        return LEFT.equals(type);
    }
}
