package io.rapport.analytics.events;

import java.util.Set;

/** The CloudEvents types analytics-service consumes (producers' schemas: contacts-service, engagement-service). */
public final class EventTypes {

    public static final String CONTACT_CREATED = "rapport.contact.created.v1";
    public static final String CONTACT_UPDATED = "rapport.contact.updated.v1";
    public static final String CONTACT_LEFT = "rapport.contact.left.v1";
    public static final String CONTACT_ERASED = "rapport.contact.erased.v1";
    /** Version 2 of the contact events: version 1 plus cadenceDays, influence, interest, stance (issue 17). */
    public static final String CONTACT_CREATED_V2 = "rapport.contact.created.v2";
    public static final String CONTACT_UPDATED_V2 = "rapport.contact.updated.v2";
    public static final String CONTACT_LEFT_V2 = "rapport.contact.left.v2";
    public static final String UNIT_CREATED = "rapport.business-unit.created.v1";
    public static final String UNIT_UPDATED = "rapport.business-unit.updated.v1";
    public static final String UNIT_DELETED = "rapport.business-unit.deleted.v1";
    public static final String ROLE_ADDED = "rapport.stakeholder-role.added.v1";
    public static final String ROLE_UPDATED = "rapport.stakeholder-role.updated.v1";
    public static final String ROLE_ENDED = "rapport.stakeholder-role.ended.v1";

    public static final String ENGAGEMENT_LOGGED = "rapport.engagement.logged.v1";
    public static final String ENGAGEMENT_UPDATED = "rapport.engagement.updated.v1";
    public static final String ENGAGEMENT_STATUS_CHANGED = "rapport.engagement.status-changed.v1";
    public static final String ENGAGEMENT_CANCELLED = "rapport.engagement.cancelled.v1";

    public static final Set<String> CONTACT_TOPIC_TYPES = Set.of(CONTACT_CREATED, CONTACT_UPDATED, CONTACT_LEFT,
        CONTACT_CREATED_V2, CONTACT_UPDATED_V2, CONTACT_LEFT_V2,
        CONTACT_ERASED, UNIT_CREATED, UNIT_UPDATED, UNIT_DELETED, ROLE_ADDED, ROLE_UPDATED, ROLE_ENDED);

    public static final Set<String> ENGAGEMENT_TOPIC_TYPES = Set.of(ENGAGEMENT_LOGGED, ENGAGEMENT_UPDATED,
        ENGAGEMENT_STATUS_CHANGED, ENGAGEMENT_CANCELLED);

    /** Whether a contact event (either version) creates the contact. */
    public static boolean createsContact(String type) {
        return CONTACT_CREATED.equals(type) || CONTACT_CREATED_V2.equals(type);
    }

    private EventTypes() {
    }
}
