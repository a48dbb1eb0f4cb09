package io.rapport.platform.inbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The record that makes a consumer idempotent: call {@link #markProcessed} in the same transaction
 * as the event's effect; it answers false when the event was already applied, and the consumer
 * then does nothing. {@link #markAllProcessed} does the same for a batch of events in one statement.
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

    /**
     * Records a batch of event ids in one statement ({@code insert ... on conflict do nothing returning});
     * answers the ids that were not recorded before, i.e. the events the consumer must apply now, in
     * the same transaction. An id given twice is answered once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> markAllProcessed(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String[] ids = new LinkedHashSet<>(eventIds).toArray(String[]::new);
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Array array = connection.createArrayOf("varchar", ids);
            try (PreparedStatement s = connection.prepareStatement(
                "insert into processed_event (consumer, event_id, processed_at) select ?, id, ? from unnest(?::varchar[]) as t(id)"
                    + " on conflict do nothing returning event_id")) {
                s.setString(1, consumer);
                s.setObject(2, at);
                s.setArray(3, array);
                Set<String> inserted = new HashSet<>(ids.length * 2);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                return inserted;
            } finally {
                array.free();
            }
        });
    }
}
