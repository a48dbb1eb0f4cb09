package io.rapport.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns an engagement into its contribution: a pure function of the engagement's data and the
 * {@link ScoringParameters}.
 *
 * <p>Every participant gets the same slices. With {@code common = sentimentFactor · directionFactor
 * · groupFactor(type, distinct participants)}:
 *
 * <ul>
 *   <li>point engagement (not long-running, or long-running without {@code endAt > startAt}): one
 *       slice at {@code startAt} of weight {@code base · effortFactor(hours) · common} carrying all
 *       the effort;
 *   <li>long-running engagement planned over {@code [startAt, endAt]} of length D: its effort is
 *       spread evenly over D. It contributes one slice per slice period P (default 7 days) of its
 *       activity, credited at the <em>end</em> of the period (a week of secondment is earned once
 *       worked): slices at {@code startAt + P, startAt + 2P, …} and, for a remainder r &gt; 0, a last
 *       partial slice at the end of the activity. A full slice carries {@code hours·P/D} and weighs
 *       {@code base · effortFactor(hours·P/D) · common}; the partial one covers {@code f = r/P} of a
 *       period, carries {@code hours·r/D} and weighs {@code base · f · effortFactor(hours·r/D) · common}.
 *       The activity ends at {@code endAt}, or earlier at {@code completedAt} when the engagement was
 *       COMPLETED early: then the periods after the completion never happen (the effort planned for
 *       them is not credited), and the last partial slice falls at the completion instant. A
 *       completion at or before the start leaves nothing. At most {@code maxSlices} slices: the
 *       activity is cut at {@code startAt + maxSlices·P} and the effort beyond it is dropped with it.
 * </ul>
 *
 * Effort is carried in micro-hours, split so that the slices of the whole planned period add up to
 * the engagement's effort exactly (each slice takes the difference of the rounded cumulative share).
 * Engagements whose status does not contribute (PROPOSED, AGREED, CANCELLED) have no slices.
 */
public final class ContributionCalculator {

    private ContributionCalculator() {
    }

    public static EngagementContribution contribution(EngagementSnapshot e, ScoringParameters p) {
        Objects.requireNonNull(e, "engagement");
        Objects.requireNonNull(p, "parameters");
        List<Slice> slices = new ArrayList<>();
        if (e.status().contributes()) {
            double base = p.baseWeight(e.type());
            int n = Math.max(1, e.participants().size());
            double common = p.sentimentFactor(e.sentiment()) * p.directionFactor(e.direction()) * p.groupFactor(e.type(), n);
            Instant start = e.startAt();
            Instant plannedEnd = e.plannedEnd();
            if (!p.isLongRunning(e.type()) || !plannedEnd.isAfter(start)) {
                add(slices, start, base * p.effortFactor(e.hours()) * common, Slice.micros(e.hours()));
            } else {
                longRunning(slices, e, p, base * common);
            }
        }
        return new EngagementContribution(e, slices);
    }

    private static void longRunning(List<Slice> slices, EngagementSnapshot e, ScoringParameters p, double baseCommon) {
        Instant start = e.startAt();
        double plannedSeconds = seconds(Duration.between(start, e.plannedEnd()));
        Duration covered = Duration.between(start, e.activityEnd());
        if (covered.isZero() || covered.isNegative()) {
            return; // completed before it started: nothing happened
        }
        Duration period = p.slicePeriod();
        double periodSeconds = seconds(period);
        long totalMicros = Slice.micros(e.hours());
        long full = covered.dividedBy(period);
        Duration remainder = covered.minus(period.multipliedBy(full));
        long fullSlices = Math.min(full, p.maxSlices());
        double hoursPerPeriod = e.hours() * (periodSeconds / plannedSeconds);
        long creditedMicros = 0;
        for (long i = 1; i <= fullSlices; i++) {
            long cumulative = share(totalMicros, i * periodSeconds, plannedSeconds);
            add(slices, start.plus(period.multipliedBy(i)), baseCommon * p.effortFactor(hoursPerPeriod),
                cumulative - creditedMicros);
            creditedMicros = cumulative;
        }
        if (full < p.maxSlices() && !remainder.isZero()) {
            double remainderSeconds = seconds(remainder);
            double fraction = remainderSeconds / periodSeconds;
            double hours = e.hours() * (remainderSeconds / plannedSeconds);
            long cumulative = share(totalMicros, seconds(covered), plannedSeconds);
            add(slices, e.activityEnd(), baseCommon * fraction * p.effortFactor(hours), cumulative - creditedMicros);
        }
    }

    /** The rounded share of {@code totalMicros} for {@code coveredSeconds} of {@code plannedSeconds}. */
    private static long share(long totalMicros, double coveredSeconds, double plannedSeconds) {
        if (coveredSeconds >= plannedSeconds) {
            return totalMicros;
        }
        return Math.round(totalMicros * (coveredSeconds / plannedSeconds));
    }

    private static void add(List<Slice> slices, Instant at, double weight, long hoursMicros) {
        if (weight > 0 || hoursMicros > 0) {
            slices.add(new Slice(at, weight, hoursMicros));
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
