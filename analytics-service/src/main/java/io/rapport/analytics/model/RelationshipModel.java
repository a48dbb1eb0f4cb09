package io.rapport.analytics.model;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The fold of engagement events into per-contact relationship state. Pure Java, in memory; the
 * service persists the same state (see analytics-service/README.md, "Scoring model").
 *
 * <h2>Idempotency and order</h2>
 *
 * Per engagement the model keeps the state of the highest version seen ("latest version wins"),
 * plus the ids of the events applied to it:
 *
 * <ul>
 *   <li>an event id already seen for the engagement is a {@link Outcome#DUPLICATE}: nothing changes;
 *   <li>an event whose version is not newer than the engagement's current one is {@link Outcome#STALE}:
 *       recorded as seen, nothing changes (e.g. the LOGGED event arriving after an update or a
 *       cancellation of the same engagement);
 *   <li>otherwise it is {@link Outcome#APPLIED}: the contribution recorded for the engagement's
 *       previous state is taken back from each of its old participants and the new state's
 *       contribution ({@link ContributionCalculator}) added to each new participant.
 * </ul>
 *
 * The score of a contact is thus a function of the set of current engagement states, whatever the
 * order the events arrived in. Two different events with the same version (which the
 * engagement-service never produces) are resolved independently of arrival order too: a
 * cancellation beats a non-cancellation, otherwise the greater event id wins.
 *
 * <p>Not thread-safe: one fold per partition (or lock around it).
 */
public final class RelationshipModel {

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        STALE
    }

    /**
     * @param outcome  what happened
     * @param affected contacts whose contributions changed (old and new participants); empty unless
     *                 APPLIED
     */
    public record ApplyResult(Outcome outcome, Set<UUID> affected) {
        public ApplyResult {
            affected = Set.copyOf(affected);
        }
    }

    /** What the model knows of one engagement. */
    private static final class EngagementState {
        final Set<String> seenEventIds = new HashSet<>();
        long version;
        boolean cancelled;
        String eventId;
        /** Current contribution, or null when the current state does not contribute. */
        EngagementContribution contribution;
        boolean hasState;
    }

    private final ScoringParameters params;
    private final Map<UUID, EngagementState> engagements = new HashMap<>();
    private final Map<UUID, ContactRelationship> contacts = new HashMap<>();

    public RelationshipModel(ScoringParameters params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public ScoringParameters parameters() {
        return params;
    }

    /** Folds one event. */
    public ApplyResult apply(EngagementEvent event) {
        Objects.requireNonNull(event, "event");
        EngagementState state = engagements.computeIfAbsent(event.engagementId(), id -> new EngagementState());
        if (!state.seenEventIds.add(event.eventId())) {
            return new ApplyResult(Outcome.DUPLICATE, Set.of());
        }
        if (state.hasState && !supersedes(event, state)) {
            return new ApplyResult(Outcome.STALE, Set.of());
        }
        EngagementContribution old = state.contribution;
        EngagementContribution now = event.contributes()
                ? ContributionCalculator.contribution(event.engagement(), params)
                : null;
        state.hasState = true;
        state.version = event.version();
        state.cancelled = event.kind() == EngagementEvent.Kind.CANCELLED;
        state.eventId = event.eventId();
        state.contribution = now;

        Set<UUID> affected = new LinkedHashSet<>();
        List<UUID> newParticipants = now == null ? List.of() : now.engagement().participants();
        if (old != null) {
            for (UUID contact : old.engagement().participants()) {
                affected.add(contact);
                if (newParticipants.contains(contact)) {
                    continue; // replaced below by put, which takes back the old contribution itself
                }
                ContactRelationship rel = contacts.get(contact);
                rel.remove(event.engagementId());
                if (rel.isEmpty()) {
                    contacts.remove(contact);
                }
            }
        }
        for (UUID contact : newParticipants) {
            contacts.computeIfAbsent(contact, c -> new ContactRelationship(c, params)).put(now);
            affected.add(contact);
        }
        return new ApplyResult(Outcome.APPLIED, affected);
    }

    /** Folds events in the given order; returns how many were APPLIED. */
    public int applyAll(List<EngagementEvent> events) {
        int applied = 0;
        for (EngagementEvent e : events) {
            if (apply(e).outcome() == Outcome.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    private static boolean supersedes(EngagementEvent e, EngagementState s) {
        if (e.version() != s.version) {
            return e.version() > s.version;
        }
        boolean cancels = e.kind() == EngagementEvent.Kind.CANCELLED;
        if (cancels != s.cancelled) {
            return cancels;
        }
        return e.eventId().compareTo(s.eventId) > 0;
    }

    // ---- queries ----

    /** Contacts that currently have at least one contributing engagement. */
    public Set<UUID> contactIds() {
        return Collections.unmodifiableSet(contacts.keySet());
    }

    /** The contact's state, or null when it has no contributing engagement. */
    public ContactRelationship contact(UUID contactId) {
        return contacts.get(contactId);
    }

    /** S(at) of a contact (0 without engagements). */
    public double strengthAt(UUID contactId, Instant at) {
        ContactRelationship rel = contacts.get(contactId);
        return rel == null ? 0.0 : rel.strengthAt(at);
    }

    /** Score 0..100 of a contact at {@code at}. */
    public double scoreAt(UUID contactId, Instant at) {
        return params.score(strengthAt(contactId, at));
    }

    /** Full evaluation of a contact at {@code now}; a contact without engagements is 0 / COLD. */
    public RelationshipScore relationship(UUID contactId, Instant now) {
        ContactRelationship rel = contacts.get(contactId);
        return rel == null ? RelationshipScore.none(contactId, now) : rel.evaluate(now);
    }

    /** Current version of an engagement, or 0 when unknown. */
    public long engagementVersion(UUID engagementId) {
        EngagementState s = engagements.get(engagementId);
        return s == null || !s.hasState ? 0 : s.version;
    }
}
