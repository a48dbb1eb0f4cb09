package io.rapport.analytics.model;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * What one engagement state credits to its participants' {@link StoredRelationship}s as time
 * passes. A contributing engagement credits, to every participant, each of its slices once the
 * slice's instant has passed, and its start (sentiment, latest activity) once it has started. The
 * fold records per engagement how far it has credited ({@code credited_until}), so:
 *
 * <ul>
 *   <li>a new state is credited up to now: {@link #credit}(c, null, now);
 *   <li>a superseded state is taken back up to its horizon: {@link #takeBack}(old, horizon), the very
 *       slices {@link ContributionCalculator} gives for it (a pure function of the stored state);
 *   <li>the due-slice job credits what fell due since: {@link #credit}(c, horizon, now), at
 *       {@link #nextDue} at the latest.
 * </ul>
 *
 * Crediting is additive and exact per slice, so the stored state after any sequence of these steps is
 * the state of all the slices at or before the latest horizon: the state "if nothing more happens".
 */
public final class EngagementCredits {

    private EngagementCredits() {
    }

    /** Credits what {@code c} brings in {@code (from, to]}; {@code from} null: from the beginning. */
    public static void credit(EngagementContribution c, Instant from, Instant to, Function<UUID, StoredRelationship> contacts) {
        EngagementSnapshot e = c.engagement();
        if (!e.status().contributes()) {
            return;
        }
        boolean starts = within(e.startAt(), from, to);
        for (UUID id : e.participants()) {
            StoredRelationship r = contacts.apply(id);
            for (Slice s : c.slices()) {
                if (within(s.at(), from, to)) {
                    r.credit(s, e.direction());
                }
            }
            if (starts) {
                r.started(e.sentiment(), e.activityEnd());
            }
        }
    }

    /** Takes back what {@code c} credited up to {@code horizon} (null: it never credited anything). */
    public static void takeBack(EngagementContribution c, Instant horizon, Function<UUID, StoredRelationship> contacts) {
        EngagementSnapshot e = c.engagement();
        if (!e.status().contributes() || horizon == null) {
            return;
        }
        boolean started = !e.startAt().isAfter(horizon);
        for (UUID id : e.participants()) {
            StoredRelationship r = contacts.apply(id);
            for (Slice s : c.slices()) {
                if (!s.at().isAfter(horizon)) {
                    r.uncredit(s, e.direction());
                }
            }
            if (started) {
                r.unstarted(e.sentiment());
            }
        }
    }

    /** A non-cancelled engagement (any status) keeps its participants in touch until its activity ends. */
    public static void touch(EngagementSnapshot e, Function<UUID, StoredRelationship> contacts) {
        for (UUID id : e.participants()) {
            contacts.apply(id).touched(e.activityEnd());
        }
    }

    /** Takes back {@link #touch}. */
    public static void untouch(EngagementSnapshot e, Function<UUID, StoredRelationship> contacts) {
        for (UUID id : e.participants()) {
            contacts.apply(id).untouched();
        }
    }

    /** The first instant after {@code horizon} at which {@code c} credits something (a slice, its start); null: nothing more. */
    public static Instant nextDue(EngagementContribution c, Instant horizon) {
        EngagementSnapshot e = c.engagement();
        if (!e.status().contributes()) {
            return null;
        }
        Instant next = e.startAt().isAfter(horizon) ? e.startAt() : null;
        for (Slice s : c.slices()) {
            if (s.at().isAfter(horizon)) {
                return next == null || s.at().isBefore(next) ? s.at() : next;
            }
        }
        return next;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return (from == null || t.isAfter(from)) && !t.isAfter(to);
    }
}
