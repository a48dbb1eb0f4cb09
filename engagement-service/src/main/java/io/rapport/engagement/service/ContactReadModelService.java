package io.rapport.engagement.service;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.engagement.events.ContactEventData;
import io.rapport.engagement.events.ContactEvents;
import io.rapport.platform.events.CloudEvent;
import io.rapport.platform.events.CloudEventCodec;
import io.rapport.platform.events.CloudEventCodec.MalformedEventException;
import io.rapport.platform.inbox.ProcessedEvents;

/**
 * Applies contact events to the read model: {@link #read} checks an event without touching the database,
 * {@link #apply} writes it in one transaction with the processed-event record (a redelivered event
 * changes nothing). Per contact the highest version wins, so out-of-order
 * delivery converges; erasure is final (no personal data is held, so there is nothing else to remove).
 */
@ApplicationScoped
public class ContactReadModelService {

    public static final String CONSUMER = "engagement-service.contact-read-model";
    private static final Logger LOG = Logger.getLogger(ContactReadModelService.class);

    private final ContactRefRepository contacts;
    private final ProcessedEvents processedEvents;
    private final CloudEventCodec codec;

    public ContactReadModelService(ContactRefRepository contacts, ProcessedEvents processedEvents, CloudEventCodec codec) {
        this.contacts = contacts;
        this.processedEvents = processedEvents;
        this.codec = codec;
    }

    /** What a contact event changes in the read model, checked before any database work. */
    public record ContactChange(String eventId, String type, UUID contactId, UUID businessUnitId, ContactStatus status,
                                long version) {
    }

    /**
     * Reads what the read model needs from a contact event; touches no database.
     *
     * @throws MalformedEventException when the event's body lacks it (the record is dead-lettered)
     */
    public ContactChange read(CloudEvent event) {
        ContactEventData data = codec.dataAs(event, ContactEventData.class);
        ContactStatus status = statusOf(event, data);
        if (data.contactId() == null || data.version() == null) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks contactId or version", null);
        }
        if (status != ContactStatus.ERASED && data.businessUnitId() == null) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks businessUnitId", null);
        }
        return new ContactChange(event.id(), event.type(), data.contactId(), data.businessUnitId(), status, data.version());
    }

    /** Applies a change read by {@link #read}, once per event id (a redelivery changes nothing). */
    @Transactional
    public void apply(ContactChange change) {
        if (!processedEvents.markProcessed(CONSUMER, change.eventId())) {
            LOG.debugf("Contact event %s already applied; skipped", change.eventId());
            return;
        }
        ContactRef ref = contacts.findByIdOptional(change.contactId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (ref != null && (ref.status == ContactStatus.ERASED || ref.contactVersion >= change.version())) {
            LOG.debugf("Contact event %s (version %d) is not newer than what is held for %s; skipped", change.eventId(),
                change.version(), change.contactId());
            return;
        }
        boolean known = ref != null;
        if (!known) {
            ref = new ContactRef();
            ref.contactId = change.contactId();
        }
        ref.status = change.status();
        ref.contactVersion = change.version();
        ref.updatedAt = EngagementService.now();
        if (change.businessUnitId() != null) {
            ref.businessUnitId = change.businessUnitId();
        }
        if (!known) {
            contacts.persist(ref);
        }
    }

    private static ContactStatus statusOf(CloudEvent event, ContactEventData data) {
        if (ContactEvents.ERASED.equals(event.type())) {
            return ContactStatus.ERASED;
        }
        if (ContactEvents.isLeft(event.type())) {
            return ContactStatus.LEFT;
        }
        if (data.status() == null) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") lacks status", null);
        }
        try {
            return ContactStatus.valueOf(data.status().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " has unknown contact status " + data.status(), e);
        }
    }
}
