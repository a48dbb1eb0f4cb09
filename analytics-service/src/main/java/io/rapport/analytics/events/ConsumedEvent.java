package io.rapport.analytics.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.analytics.model.EngagementEvent;
import io.rapport.analytics.model.EngagementSnapshot;

/**
 * An event of either consumed topic, as the fold needs it ({@link io.rapport.analytics.mapping.EventParser}
 * makes them from the producers' CloudEvents). Sealed: an engagement change, or one of the three
 * contact-topic changes, which a {@link Handler} takes by type.
 */
public sealed interface ConsumedEvent {

    /** The CloudEvents id. */
    String eventId();

    /** An engagement event: the model's event, the state after it, and each participant's unit at the time. */
    record EngagementChange(EngagementEvent event, EngagementSnapshot snapshot, Map<UUID, UUID> participantUnits)
        implements ConsumedEvent {
        @Override
        public String eventId() {
            return event.eventId();
        }

        /** Whether the engagement is cancelled after it (a cancellation event, or the status says so). */
        public boolean cancelled() {
            return event.kind() == EngagementEvent.Kind.CANCELLED;
        }
    }

    /** An event of rapport.contacts.v1. */
    sealed interface ContactTopicEvent extends ConsumedEvent {
        void applyTo(Handler handler);
    }

    /** Applies contact-topic events, one method per type. */
    interface Handler {
        void contact(ContactChange change);

        void unit(UnitChange change);

        void role(RoleChange change);
    }

    /**
     * rapport.contact.created/updated/left/erased: what analytics holds of a contact (no name, email or
     * phone). The stay-in-touch and influence fields are null in events that predate them.
     *
     * @param occurredAt when the change happened (for a created event: when the contact was created)
     * @param expertise  expertise tags (empty when none or erased)
     */
    record ContactChange(String eventId, String type, UUID contactId, UUID businessUnitId, String status,
                         String ownerEmail, long version, Instant occurredAt, String seniority, List<String> expertise,
                         Integer cadenceDays, String influence, String interest, String stance)
        implements ContactTopicEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.contact(this);
        }
    }

    /** rapport.business-unit.created/updated/deleted. */
    record UnitChange(String eventId, String type, UUID businessUnitId, String code, String name, UUID parentId, long version)
        implements ContactTopicEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.unit(this);
        }
    }

    /** rapport.stakeholder-role.added/updated/ended. */
    record RoleChange(String eventId, String type, UUID roleId, UUID contactId, String projectCode, String role,
                      LocalDate startDate, LocalDate endDate) implements ContactTopicEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.role(this);
        }
    }
}
