package io.rapport.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One contact's persisted relationship state (a row of {@code relationship}), as the fold changes
 * it: the decayed strength of the slices credited so far, {@code (frame, S_ref)} kept as a
 * {@link DecayedSum}, and the running totals behind the factors. It is the state "if nothing more
 * happens": a slice counts once it has fallen due (see {@link EngagementCredits}).
 *
 * <p>Unlike the in-memory {@link ContactRelationship}, it keeps no slices: a contribution is taken
 * back by subtracting the very slices {@link ContributionCalculator} gives for the engagement's
 * previous state, which the engagement row holds. The frame only moves forward (all credited slices
 * lie at or before now, so no far-future slice can push it out of range), and a contact left with no
 * credited slice is reset to exactly zero.
 *
 * <p>What it remembers of its state when loaded ({@link #loadedReference()}) lets the fold move the
 * difference into the unit's summed strength. Not thread-safe.
 */
public final class StoredRelationship {

    /** The strength and counters as loaded, for the unit delta. */
    public record Reference(boolean counted, UUID businessUnitId, long frame, double value, boolean hasStrength) {
    }

    private final UUID contactId;
    private UUID businessUnitId;
    private boolean listed;
    private boolean counted;
    private DecayedSum strength;
    private long slices;
    private long givenMicros;
    private long receivedMicros;
    private long sentimentSum;
    private long sentimentCount;
    private Instant lastActivityAt;
    private Instant lastTouchAt;
    private Instant createdAt;
    private Integer cadenceDays;
    private boolean lastActivityStale;
    private boolean lastTouchStale;
    private final Reference loaded;

    /** A state as stored; {@code frame, sum, compensation} as written by {@link #frame()}, {@link #rawSum()}, {@link #compensation()}. */
    public StoredRelationship(UUID contactId, UUID businessUnitId, boolean listed, boolean counted, long halfLifeSeconds,
            long frame, double sum, double compensation, long slices, long givenMicros, long receivedMicros,
            long sentimentSum, long sentimentCount, Instant lastActivityAt, Instant lastTouchAt, Instant createdAt,
            Integer cadenceDays) {
        this.contactId = Objects.requireNonNull(contactId, "contactId");
        this.businessUnitId = businessUnitId;
        this.listed = listed;
        this.counted = counted;
        this.strength = slices > 0 ? DecayedSum.restore(halfLifeSeconds, frame, sum, compensation) : new DecayedSum(halfLifeSeconds);
        this.slices = slices;
        this.givenMicros = givenMicros;
        this.receivedMicros = receivedMicros;
        this.sentimentSum = sentimentSum;
        this.sentimentCount = sentimentCount;
        this.lastActivityAt = lastActivityAt;
        this.lastTouchAt = lastTouchAt;
        this.createdAt = createdAt;
        this.cadenceDays = cadenceDays;
        this.loaded = reference();
    }

    /** A contact the fold has not seen before: nothing credited, not listed (unknown on rapport.contacts.v1). */
    public static StoredRelationship empty(UUID contactId, long halfLifeSeconds) {
        return new StoredRelationship(contactId, null, false, false, halfLifeSeconds, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
            null, null);
    }

    /** The strength and counters now, in the form of {@link #loadedReference()}. */
    public Reference reference() {
        return new Reference(counted, businessUnitId, strength.frame(), slices > 0 ? strength.referenceValue() : 0.0,
            slices > 0);
    }

    public Reference loadedReference() {
        return loaded;
    }

    // ---- the fold ----

    /** Credits a slice of an engagement going {@code direction}. */
    public void credit(Slice s, Direction direction) {
        strength.add(s.at(), s.weight());
        slices++;
        givenMicros += EngagementContribution.givenMicros(direction, s.hoursMicros());
        receivedMicros += EngagementContribution.receivedMicros(direction, s.hoursMicros());
    }

    /** Takes back a slice credited earlier. */
    public void uncredit(Slice s, Direction direction) {
        if (slices <= 0) {
            throw new IllegalStateException("contact " + contactId + " has no credited slice to take back");
        }
        slices--;
        if (slices == 0) {
            strength.clear();
        } else {
            strength.subtract(s.at(), s.weight());
        }
        givenMicros -= EngagementContribution.givenMicros(direction, s.hoursMicros());
        receivedMicros -= EngagementContribution.receivedMicros(direction, s.hoursMicros());
    }

    /** A contributing engagement has started: its sentiment counts, and its activity. */
    public void started(Integer sentiment, Instant activityEnd) {
        if (sentiment != null) {
            sentimentSum += sentiment;
            sentimentCount++;
        }
        if (lastActivityAt == null || activityEnd.isAfter(lastActivityAt)) {
            lastActivityAt = activityEnd;
        }
    }

    /** Takes back a started engagement; the latest activity must then be recomputed from the stored rows. */
    public void unstarted(Integer sentiment) {
        if (sentiment != null) {
            sentimentSum -= sentiment;
            sentimentCount--;
        }
        lastActivityStale = true;
    }

    /** A non-cancelled engagement (any status) ends its activity at {@code activityEnd}: the stay-in-touch clock. */
    public void touched(Instant activityEnd) {
        if (lastTouchAt == null || activityEnd.isAfter(lastTouchAt)) {
            lastTouchAt = activityEnd;
        }
    }

    /** Takes back a non-cancelled engagement; the last touch must then be recomputed from the stored rows. */
    public void untouched() {
        lastTouchStale = true;
    }

    public boolean lastActivityStale() {
        return lastActivityStale;
    }

    public boolean lastTouchStale() {
        return lastTouchStale;
    }

    /** The recomputed latest activity and touch (from the participant rows, after the fold wrote them). */
    public void recomputed(Instant lastActivity, Instant lastTouch) {
        if (lastActivityStale) {
            lastActivityAt = lastActivity;
            lastActivityStale = false;
        }
        if (lastTouchStale) {
            lastTouchAt = lastTouch;
            lastTouchStale = false;
        }
    }

    /** What rapport.contacts.v1 says of the contact: its unit, whether it is listed (not erased) and counted (ACTIVE). */
    public void describe(UUID unit, boolean isListed, boolean isCounted, Instant created, Integer cadence) {
        businessUnitId = unit;
        listed = isListed;
        counted = isCounted;
        if (created != null && (createdAt == null || created.isBefore(createdAt))) {
            createdAt = created;
        }
        cadenceDays = cadence;
    }

    // ---- reading ----

    public UUID contactId() {
        return contactId;
    }

    public UUID businessUnitId() {
        return businessUnitId;
    }

    public boolean listed() {
        return listed;
    }

    public boolean counted() {
        return counted;
    }

    public long frame() {
        return strength.frame();
    }

    public double rawSum() {
        return strength.rawSum();
    }

    public double compensation() {
        return strength.compensation();
    }

    /** {@code log2(S_ref) + frame}, null when the strength is 0 (see {@link DecayedSum#log2Form()}). */
    public Double log2Form() {
        double l = slices > 0 ? strength.log2Form() : Double.NaN;
        return Double.isNaN(l) ? null : l;
    }

    /** S(at) if nothing more happens: the stored reference sum rescaled to {@code at}. */
    public double strengthAt(Instant at) {
        return slices > 0 ? strength.valueAt(at) : 0.0;
    }

    /**
     * S(at) for an instant {@code at} in the past, from the stored state and the credited slices after
     * {@code at} (their terms are subtracted, compensated, in the stored frame; then rescaled): the
     * state as it was at {@code at}, as far as the slices credited since explain the difference.
     */
    public double strengthBefore(Instant at, Iterable<Slice> creditedAfter) {
        if (slices <= 0) {
            return 0.0;
        }
        long h = strength.halfLifeSeconds();
        long frame = strength.frame();
        double sum = strength.rawSum();
        double comp = strength.compensation();
        for (Slice s : creditedAfter) {
            double x = -DecayedSum.term(s.weight(), s.at(), frame, h);
            double t = sum + x;
            comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double v = (sum + comp) * DecayedSum.readFactor(at, frame, h);
        return v > 0 ? v : 0.0;
    }

    /**
     * The full evaluation at {@code now} from the stored state: score and forecast from the strength,
     * trend from the slices credited in the last 30 days ({@code creditedInTrendWindow}), factors from
     * the running totals, {@code frequency90d} counted by the caller from the participant rows.
     */
    public RelationshipScore evaluate(Instant now, Iterable<Slice> creditedInTrendWindow, int frequency90d,
            ScoringParameters p) {
        double s = strengthAt(now);
        double past = strengthBefore(now.minus(ScoringParameters.TREND_WINDOW), creditedInTrendWindow);
        Instant last = lastActivityAt == null ? null : lastActivityAt.isAfter(now) ? now : lastActivityAt;
        Factors factors = Factors.of(last == null ? null : Duration.between(last, now).toDays(), frequency90d,
            sentimentCount == 0 ? null : (double) sentimentSum / sentimentCount, givenMicros, receivedMicros);
        return RelationshipScore.of(contactId, now, s, p.score(s) - p.score(past), factors, last, p);
    }

    public long slices() {
        return slices;
    }

    public long givenMicros() {
        return givenMicros;
    }

    public long receivedMicros() {
        return receivedMicros;
    }

    public long sentimentSum() {
        return sentimentSum;
    }

    public long sentimentCount() {
        return sentimentCount;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant lastTouchAt() {
        return lastTouchAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Integer cadenceDays() {
        return cadenceDays;
    }

    /** When the contact is due to be engaged again: last touch (or creation) plus the cadence; null without either. */
    public Instant dueAt() {
        Instant from = lastTouchAt != null ? lastTouchAt : createdAt;
        return from == null || cadenceDays == null ? null : from.plus(Duration.ofDays(cadenceDays));
    }
}
