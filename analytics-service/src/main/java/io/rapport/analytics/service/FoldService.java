package io.rapport.analytics.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.analytics.events.ConsumedEvent.ContactTopicEvent;
import io.rapport.analytics.events.ConsumedEvent.EngagementChange;
import io.rapport.analytics.persistence.FoldGate;
import io.rapport.platform.inbox.ProcessedEvents;

/**
 * The live fold: one transaction per consumed batch, entered through the shared side of the
 * {@link FoldGate}.
 * <ul>
 *   <li>Engagement events: {@link EngagementFolder}. Idempotent by the engagement's version: a state
 *       that does not supersede the stored one (a redelivered event included) changes nothing, so no
 *       inbox row is written for them.</li>
 *   <li>Contact-topic events: their ids are recorded in the inbox ({@link ProcessedEvents}) in the same
 *       transaction as their effect and only those recorded now are applied ({@link ContactTopicFolder}):
 *       roles carry no version, so a redelivery must be recognised by its id.</li>
 * </ul>
 * Throws (and changes nothing) when the database fails; the consumer retries the batch.
 */
@ApplicationScoped
public class FoldService {

    public static final String CONSUMER = "analytics-service";

    private final EntityManager em;
    private final ProcessedEvents processed;
    private final EngagementFolder engagements;
    private final ContactTopicFolder contacts;
    private final AnalyticsClock clock;

    public FoldService(EntityManager em, ProcessedEvents processed, EngagementFolder engagements, ContactTopicFolder contacts,
        AnalyticsClock clock) {
        this.em = em;
        this.processed = processed;
        this.engagements = engagements;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Folds a batch of rapport.engagements.v1 events; answers how many engagement rows changed. */
    public int applyEngagementBatch(List<EngagementChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.call(em, c -> {
            FoldGate.enterLive(c);
            return engagements.fold(c, changes, clock.now());
        }));
    }

    /** Applies a batch of rapport.contacts.v1 events, in order; answers how many were new. */
    public int applyContactBatch(List<ContactTopicEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Jdbc.call(em, c -> {
                FoldGate.enterLive(c);
                return null;
            });
            Set<String> fresh = new HashSet<>(processed.markAllProcessed(CONSUMER,
                events.stream().map(ContactTopicEvent::eventId).toList()));
            List<ContactTopicEvent> toApply = new ArrayList<>(fresh.size());
            for (ContactTopicEvent e : events) {
                if (fresh.remove(e.eventId())) { // remove: a copy later in the batch is a duplicate
                    toApply.add(e);
                }
            }
            Jdbc.call(em, c -> {
                contacts.fold(c, toApply);
                return null;
            });
            return toApply.size();
        });
    }
}
