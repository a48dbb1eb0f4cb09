package io.rapport.analytics.model;

import java.time.Instant;

/**
 * A sum of exponentially decaying contributions kept as a reference pair {@code (S_ref, t_ref)}:
 *
 * <pre>
 *   adding w at t:   S_ref += w · 2^((t − t_ref)/H)
 *   reading at now:  S(now) = S_ref · 2^(−(now − t_ref)/H)  =  Σ w_i · 2^(−(now − t_i)/H)
 * </pre>
 *
 * <h2>Choice of t_ref</h2>
 *
 * {@code t_ref = 1970-01-01T00:00Z + frame·H} for an integer {@code frame} (the "frame", in whole
 * half-lives since the Unix epoch). A single fixed reference would overflow: {@code 2^x} leaves the
 * double range at x &gt; 1023, i.e. 1023 half-lives after t_ref (252 years at H = 90 days, but only
 * 2.8 years at H = 1 day). So the frame moves, and it moves only by whole half-lives: re-basing
 * multiplies {@code S_ref} by {@code 2^(old − new)}, an exact power of two ({@link Math#scalb}), so
 * it introduces no rounding at all. Each term is likewise computed as
 * {@code scalb(w · 2^f, q − frame)} where {@code t − epoch = (q + f)·H} with integer q and
 * {@code 0 ≤ f < 1} computed exactly from the instant's seconds: the mantissa {@code w·2^f} does
 * not depend on the frame, so a term in one frame is exactly a power of two times the same term in
 * another, and the state is the same whichever frame it was accumulated in. The policy (applied by
 * {@link #add}): the frame follows the latest contribution, so every term is at most {@code 2w} and
 * nothing can overflow; terms more than ~1000 half-lives older than the latest underflow, which is
 * below any meaningful precision of the score.
 *
 * <h2>Summation</h2>
 *
 * Neumaier's compensated summation: {@code (sum, compensation)}, value {@code sum + compensation}.
 * Its error does not grow with the number of terms (about 2ε·|S| plus O(nε²)·Σ|w|), so any
 * arrival order gives the same value to ~1e-15 relative and a subtraction takes back its term
 * to the same precision. When the last contribution is taken away, the owner calls {@link #clear()}
 * so an empty sum is exactly 0, not a rounding residue.
 *
 * <p>Not thread-safe.
 */
public final class DecayedSum {

    /** Shifts beyond this are clamped: a factor 2^±4000 is 0 or ∞ in double anyway. */
    private static final int MAX_SHIFT = 4000;

    private final long halfLifeSeconds;
    private boolean empty = true;
    private long frame;
    private double sum;
    private double compensation;

    public DecayedSum(long halfLifeSeconds) {
        if (halfLifeSeconds <= 0) {
            throw new IllegalArgumentException("half-life must be > 0 seconds, got " + halfLifeSeconds);
        }
        this.halfLifeSeconds = halfLifeSeconds;
    }

    /** Restores a persisted state (frame, sum, compensation); an empty sum is {@code new DecayedSum(h)}. */
    public static DecayedSum restore(long halfLifeSeconds, long frame, double sum, double compensation) {
        DecayedSum s = new DecayedSum(halfLifeSeconds);
        s.empty = false;
        s.frame = frame;
        s.sum = sum;
        s.compensation = compensation;
        return s;
    }

    // ---- time coordinates: t − epoch = (period + fraction)·H ----

    /** Whole half-lives from the Unix epoch to {@code t} (floor). */
    public static long period(Instant t, long halfLifeSeconds) {
        return Math.floorDiv(t.getEpochSecond(), halfLifeSeconds);
    }

    /** The fractional half-life of {@code t} past {@link #period}, in [0, 1]. */
    public static double fraction(Instant t, long halfLifeSeconds) {
        long rem = Math.floorMod(t.getEpochSecond(), halfLifeSeconds);
        return (rem + t.getNano() / 1e9) / halfLifeSeconds;
    }

    /** {@code w · 2^((t − t_ref)/H)} with {@code t_ref = epoch + frame·H}. */
    public static double term(double w, Instant t, long frame, long halfLifeSeconds) {
        long shift = period(t, halfLifeSeconds) - frame;
        return Math.scalb(w * Math.pow(2.0, fraction(t, halfLifeSeconds)), clamp(shift));
    }

    /** {@code 2^(−(at − t_ref)/H)} with {@code t_ref = epoch + frame·H}; non-increasing in {@code at}. */
    public static double readFactor(Instant at, long frame, long halfLifeSeconds) {
        long shift = frame - period(at, halfLifeSeconds);
        return Math.scalb(Math.pow(2.0, -fraction(at, halfLifeSeconds)), clamp(shift));
    }

    private static int clamp(long shift) {
        return (int) Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, shift));
    }

    // ---- the fold ----

    /** Adds {@code w} credited at {@code t}; moves the frame forward to t's period if t is later. */
    public void add(Instant t, double w) {
        long q = period(t, halfLifeSeconds);
        if (empty) {
            empty = false;
            frame = q;
            sum = 0;
            compensation = 0;
        } else if (q > frame) {
            rebase(q);
        }
        accumulate(term(w, t, frame, halfLifeSeconds));
    }

    /** Takes back a contribution {@code w} at {@code t} added earlier. */
    public void subtract(Instant t, double w) {
        if (empty) {
            throw new IllegalStateException("nothing to subtract from");
        }
        long q = period(t, halfLifeSeconds);
        if (q > frame) {
            rebase(q);
        }
        accumulate(-term(w, t, frame, halfLifeSeconds));
    }

    /**
     * Adds {@code value}, a reference value kept at frame {@code valueFrame} (another sum's
     * {@link #referenceValue()} and {@link #frame()}): exact scaling by a power of two, then one
     * compensated addition. Used to keep a sum of sums (a unit's contacts).
     */
    public void addReference(double value, long valueFrame) {
        if (empty) {
            empty = false;
            frame = valueFrame;
            sum = 0;
            compensation = 0;
        } else if (valueFrame > frame) {
            rebase(valueFrame);
        }
        accumulate(Math.scalb(value, clamp(valueFrame - frame)));
    }

    /**
     * {@code log2(S_ref) + frame}: the strength in log form at the fixed epoch, in half-lives
     * ({@code log2 S(t) = log2Form − (t − epoch)/H}); {@code NaN} when empty or not positive.
     */
    public double log2Form() {
        double v = sum + compensation;
        if (empty || !(v > 0)) {
            return Double.NaN;
        }
        return frame + Math.log(v) / Math.log(2.0);
    }

    private void accumulate(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    /** Moves t_ref to {@code epoch + newFrame·H}; exact (a power-of-two scaling) unless values underflow. */
    public void rebase(long newFrame) {
        if (!empty) {
            int shift = clamp(frame - newFrame);
            sum = Math.scalb(sum, shift);
            compensation = Math.scalb(compensation, shift);
        }
        frame = newFrame;
    }

    /** Back to the exact empty state. */
    public void clear() {
        empty = true;
        frame = 0;
        sum = 0;
        compensation = 0;
    }

    /** {@code S(at) = S_ref · 2^(−(at − t_ref)/H)}, never negative. */
    public double valueAt(Instant at) {
        if (empty) {
            return 0.0;
        }
        double v = (sum + compensation) * readFactor(at, frame, halfLifeSeconds);
        return v > 0 ? v : 0.0;
    }

    public boolean isEmpty() {
        return empty;
    }

    public long halfLifeSeconds() {
        return halfLifeSeconds;
    }

    /** The frame: t_ref in whole half-lives since the Unix epoch. */
    public long frame() {
        return frame;
    }

    /** {@code t_ref = epoch + frame·H}. */
    public Instant referenceTime() {
        return Instant.ofEpochSecond(Math.multiplyExact(frame, halfLifeSeconds));
    }

    /** {@code S_ref} (sum plus compensation). */
    public double referenceValue() {
        return sum + compensation;
    }

    /** The running (uncompensated) sum, for persisting. */
    public double rawSum() {
        return sum;
    }

    /** The Neumaier compensation, for persisting. */
    public double compensation() {
        return compensation;
    }
}
