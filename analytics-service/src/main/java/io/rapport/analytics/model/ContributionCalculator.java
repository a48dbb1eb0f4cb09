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
 *   <li>point engagement (not long-running, or long-running without a positive active period): one
 *       slice at {@code startAt} of weight {@code base · effortFactor(hours) · common};
 *   <li>long-running engagement active over {@code [startAt, endAt]} of length D: one slice per
 *       slice period P (default 7 days), credited at the <em>end</em> of its period (a week of
 *       secondment is earned once worked): slices at {@code startAt + P, startAt + 2P, …} and, for a
 *       remainder r &gt; 0, a last partial slice at {@code endAt}. Slice i covers a fraction
 *       {@code f_i} of P (1, or r/P for the partial one), carries {@code hours · f_i·P / D} of the
 *       effort and weighs {@code base · f_i · effortFactor(hours_i) · common}. At most
 *       {@code maxSlices} slices: the active period is cut at {@code startAt + maxSlices·P} and the
 *       effort beyond it is dropped with it.
 * </ul>
 *
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
            Instant end = e.endAt();
            if (!p.isLongRunning(e.type()) || end == null || !end.isAfter(start)) {
                add(slices, start, base * p.effortFactor(e.hours()) * common);
            } else {
                Duration total = Duration.between(start, end);
                Duration period = p.slicePeriod();
                double totalSeconds = seconds(total);
                double periodSeconds = seconds(period);
                long full = total.dividedBy(period);
                Duration remainder = total.minus(period.multipliedBy(full));
                long fullSlices = Math.min(full, p.maxSlices());
                for (long i = 1; i <= fullSlices; i++) {
                    double hours = e.hours() * (periodSeconds / totalSeconds);
                    add(slices, start.plus(period.multipliedBy(i)), base * p.effortFactor(hours) * common);
                }
                if (full < p.maxSlices() && !remainder.isZero()) {
                    double fraction = seconds(remainder) / periodSeconds;
                    double hours = e.hours() * (seconds(remainder) / totalSeconds);
                    add(slices, end, base * fraction * p.effortFactor(hours) * common);
                }
            }
        }
        return new EngagementContribution(e, slices);
    }

    private static void add(List<Slice> slices, Instant at, double weight) {
        if (weight > 0) {
            slices.add(new Slice(at, weight));
        }
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
