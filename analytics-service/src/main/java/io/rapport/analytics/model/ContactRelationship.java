package io.rapport.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One contact's relationship state: the current contribution of every contributing engagement it
 * takes part in, and the incremental decayed sum {@code (S_ref, t_ref)} of all their slices.
 *
 * <p>Reading {@code S(at)} counts only slices credited at or before {@code at}. When no slice lies
 * after {@code at} (the usual "now" read) that is the O(1) rescale of the reference sum; otherwise
 * (a read in the past, such as the trend's 30-days-ago, or a contact with scheduled slices of an
 * active long-running engagement) it is summed directly over the slices up to {@code at}, in a
 * canonical order (by engagement id, then time), compensated.
 *
 * <p>Mutated only by {@link RelationshipModel}. Not thread-safe.
 */
public final class ContactRelationship {

    private final UUID contactId;
    private final ScoringParameters params;
    private final long h;
    /** Current contribution per engagement, in engagement-id order (canonical iteration). */
    private final TreeMap<UUID, EngagementContribution> engagements = new TreeMap<>();
    /** Multiset of slice instants, to find the latest slice and scheduled ones quickly. */
    private final TreeMap<Instant, Integer> sliceTimes = new TreeMap<>();
    private final DecayedSum total;

    ContactRelationship(UUID contactId, ScoringParameters params) {
        this.contactId = Objects.requireNonNull(contactId);
        this.params = Objects.requireNonNull(params);
        this.h = params.halfLifeSeconds();
        this.total = new DecayedSum(h);
    }

    public UUID contactId() {
        return contactId;
    }

    /** The incremental reference sum (read-only use: frame, S_ref, for persisting). */
    public DecayedSum referenceSum() {
        return total;
    }

    /** The current contributions, by engagement id. */
    public Map<UUID, EngagementContribution> contributions() {
        return Collections.unmodifiableMap(engagements);
    }

    public boolean isEmpty() {
        return engagements.isEmpty();
    }

    /** Instant of the latest slice, or null. */
    public Instant latestSliceAt() {
        return sliceTimes.isEmpty() ? null : sliceTimes.lastKey();
    }

    // ---- mutation (by the model) ----

    /** Sets (or replaces) the contribution of {@code c}'s engagement. */
    void put(EngagementContribution c) {
        EngagementContribution old = engagements.put(c.engagement().id(), c);
        if (old != null) {
            takeBack(old);
        }
        for (Slice s : c.slices()) {
            total.add(s.at(), s.weight());
            sliceTimes.merge(s.at(), 1, Integer::sum);
        }
        normalise();
    }

    /** Removes the contribution of an engagement, if any. */
    void remove(UUID engagementId) {
        EngagementContribution old = engagements.remove(engagementId);
        if (old != null) {
            takeBack(old);
            normalise();
        }
    }

    private void takeBack(EngagementContribution old) {
        for (Slice s : old.slices()) {
            total.subtract(s.at(), s.weight());
            sliceTimes.compute(s.at(), (t, n) -> n == 1 ? null : n - 1);
        }
    }

    /**
     * Keeps the invariant "frame = period of the latest slice" (a pure function of the current
     * slices). Forward moves happen in {@link DecayedSum#add} and are exact. A backward move (the
     * latest slice was taken back) re-sums the remaining slices instead of scaling up: scaling up is
     * exact too unless earlier forward moves pushed old terms out of the double range, which a
     * mistyped far-future date followed by its correction would do. An empty contact is reset to
     * exactly zero.
     */
    private void normalise() {
        if (sliceTimes.isEmpty()) {
            total.clear();
            return;
        }
        long wanted = DecayedSum.period(sliceTimes.lastKey(), h);
        if (total.isEmpty() || wanted < total.frame()) {
            total.clear();
            for (EngagementContribution c : engagements.values()) {
                for (Slice s : c.slices()) {
                    total.add(s.at(), s.weight());
                }
            }
        }
    }

    // ---- reading ----

    /** {@code S(at) = Σ_{slices at or before at} w · 2^(−(at − t)/H)}. */
    public double strengthAt(Instant at) {
        if (sliceTimes.isEmpty()) {
            return 0.0;
        }
        if (!sliceTimes.lastKey().isAfter(at)) {
            return total.valueAt(at);
        }
        Instant latestIncluded = sliceTimes.floorKey(at);
        if (latestIncluded == null) {
            return 0.0;
        }
        long frame = DecayedSum.period(latestIncluded, h);
        double sum = 0;
        double comp = 0;
        for (EngagementContribution c : engagements.values()) {
            for (Slice s : c.slices()) {
                if (s.at().isAfter(at)) {
                    break; // slices are in time order
                }
                double x = DecayedSum.term(s.weight(), s.at(), frame, h);
                double t = sum + x;
                comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
            }
        }
        double v = (sum + comp) * DecayedSum.readFactor(at, frame, h);
        return v > 0 ? v : 0.0;
    }

    /** Score 0..100 at {@code at}. */
    public double scoreAt(Instant at) {
        return params.score(strengthAt(at));
    }

    /**
     * First instant at or after {@code from} at which S is below {@code target} if nothing more
     * happens after {@code from} (no further slice, see {@link Forecast}); null if never.
     */
    public Instant firstInstantBelow(double target, Instant from) {
        return Forecast.firstInstantBelow(strengthAt(from), from, target, h);
    }

    /** The full evaluation at {@code now}: score, band, trend, factors, forecast. */
    public RelationshipScore evaluate(Instant now) {
        double strength = strengthAt(now);
        double trend = params.score(strength) - params.score(strengthAt(now.minus(ScoringParameters.TREND_WINDOW)));

        Instant frequencyFrom = now.minus(ScoringParameters.FREQUENCY_WINDOW);
        Instant last = null;
        int frequency = 0;
        long given = 0;
        long received = 0;
        double sentimentSum = 0;
        int sentimentCount = 0;
        for (EngagementContribution c : engagements.values()) {
            EngagementSnapshot e = c.engagement();
            if (e.startAt().isAfter(now)) {
                continue;
            }
            Instant activity = e.activityEnd().isAfter(now) ? now : e.activityEnd();
            if (last == null || activity.isAfter(last)) {
                last = activity;
            }
            if (activity.isAfter(frequencyFrom)) {
                frequency++;
            }
            given += c.creditedGivenMicros(now);
            received += c.creditedReceivedMicros(now);
            if (e.sentiment() != null) {
                sentimentSum += e.sentiment();
                sentimentCount++;
            }
        }
        Factors factors = Factors.of(
                last == null ? null : Duration.between(last, now).toDays(),
                frequency,
                sentimentCount == 0 ? null : sentimentSum / sentimentCount,
                given,
                received);
        return RelationshipScore.of(contactId, now, strength, trend, factors, last, params);
    }

    /** Slice instants after {@code at} (scheduled contributions of active long-running engagements). */
    NavigableMap<Instant, Integer> slicesAfter(Instant at) {
        return Collections.unmodifiableNavigableMap(sliceTimes.tailMap(at, false));
    }
}
