package io.rapport.platform.inbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The record that makes a consumer idempotent: call {@link #markProcessed} in the same transaction
 * as the event's effect; it answers false when the event was already applied, and the consumer
 * then does nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId, :at)"
                    + " on conflict do nothing")
            .setParameter("consumer", consumer)
            .setParameter("eventId", eventId)
            .setParameter("at", Instant.now())
            .executeUpdate();
        return inserted == 1;
    }
}
