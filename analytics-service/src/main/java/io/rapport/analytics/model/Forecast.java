package io.rapport.analytics.model;

import java.time.Instant;

/**
 * The "going cold" forecast: when the score falls below a threshold if nothing more happens. The
 * strength then decays in closed form, {@code S(t) = S(now)·2^(−(t − now)/H)}, so the score falls
 * below threshold T at {@code t* = now + H·log2(S(now)/S_T)} with {@code S_T = −k·ln(1 − T/100)}.
 * No further slice is assumed, not even of a running long engagement: the forecast is literally "if
 * nothing more happens" (slices are credited as they fall due).
 */
public final class Forecast {

    private Forecast() {
    }

    /**
     * @param nextBand the band below the current one; null when COLD
     * @param dropsAt  first instant the score is below the current band's lower threshold; null when COLD
     * @param coldAt   first instant the score is below the COOL threshold; null when COLD
     */
    public record Result(Band nextBand, Instant dropsAt, Instant coldAt) {
        public static final Result NONE = new Result(null, null, null);
    }

    /** The forecast from the strength {@code strength} at {@code now}. */
    public static Result of(double strength, Instant now, ScoringParameters p) {
        Band band = p.band(p.score(strength));
        Band nextBand = band.lower();
        if (nextBand == null) {
            return Result.NONE;
        }
        long h = p.halfLifeSeconds();
        Instant dropsAt = firstInstantBelow(strength, now, p.strengthForScore(p.lowerThreshold(band)), h);
        Instant coldAt = band == Band.COOL ? dropsAt
            : firstInstantBelow(strength, now, p.strengthForScore(p.coolThreshold()), h);
        return new Result(nextBand, dropsAt, coldAt);
    }

    /**
     * First instant at or after {@code now} at which a strength of {@code strength} at {@code now},
     * decaying with half-life {@code h} seconds, is below {@code target}; rounded up to the
     * nanosecond; null if never (within ~3 million years) or when the target is not positive.
     */
    public static Instant firstInstantBelow(double strength, Instant now, double target, long h) {
        if (!(target > 0)) {
            return null;
        }
        if (strength < target) {
            return now;
        }
        double seconds = h * (Math.log(strength / target) / Math.log(2.0));
        if (!(seconds < 1e14)) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        long nanos = (long) Math.ceil((seconds - whole) * 1e9);
        return now.plusSeconds(whole).plusNanos(nanos);
    }
}
