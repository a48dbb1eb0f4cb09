package io.rapport.engagement.events;

/** The contact event types of {@code rapport.contacts.v1} (producer: contacts-service). */
public final class ContactEvents {

    public static final String CREATED = "rapport.contact.created.v1";
    public static final String UPDATED = "rapport.contact.updated.v1";
    public static final String LEFT = "rapport.contact.left.v1";
    public static final String ERASED = "rapport.contact.erased.v1";
    /** Prefix of every contact event; business-unit and stakeholder-role events on the topic are ignored. */
    public static final String PREFIX = "rapport.contact.";

    private ContactEvents() {
    }
}
