package io.rapport.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecayedSumTest {

    private static final long H = Duration.ofDays(90).getSeconds();
    private static final Instant T = Instant.parse("2026-03-14T08:30:00.123456789Z");

    @Test
    void halvesEveryHalfLife() {
        DecayedSum s = new DecayedSum(H);
        s.add(T, 10.0);
        assertEquals(10.0, s.valueAt(T), 1e-13);
        assertEquals(5.0, s.valueAt(T.plusSeconds(H)), 1e-13);
        assertEquals(2.5, s.valueAt(T.plusSeconds(2 * H)), 1e-13);
        assertEquals(10.0 * Math.pow(2, -1.0 / 3), s.valueAt(T.plus(Duration.ofDays(30))), 1e-13);
    }

    @Test
    void referencePairRescalesToNow() {
        DecayedSum s = new DecayedSum(H);
        s.add(T, 3.0);
        s.add(T.plus(Duration.ofDays(40)), 7.0);
        // S(now) = S_ref * 2^(-(now - t_ref)/H)
        Instant now = T.plus(Duration.ofDays(100));
        double secondsFromRef = Duration.between(s.referenceTime(), now).getSeconds() + now.getNano() / 1e9;
        assertEquals(s.referenceValue() * Math.pow(2, -secondsFromRef / H), s.valueAt(now), 1e-12);
        double direct = 3.0 * Math.pow(2, -100.0 / 90) + 7.0 * Math.pow(2, -60.0 / 90);
        assertEquals(direct, s.valueAt(now), 1e-13);
        // t_ref is a whole number of half-lives after the Unix epoch, at or before the latest contribution
        assertEquals(0, s.referenceTime().getEpochSecond() % H);
        assertTrue(!s.referenceTime().isAfter(T.plus(Duration.ofDays(40))));
    }

    @Test
    void rebasingIsExact() {
        DecayedSum s = new DecayedSum(H);
        s.add(T, 3.3);
        s.add(T.minus(Duration.ofDays(400)), 1.7);
        s.add(T.plus(Duration.ofDays(3)), 0.1);
        Instant now = T.plus(Duration.ofDays(11));
        double before = s.valueAt(now);
        long frame = s.frame();
        s.rebase(frame + 37);
        assertEquals(before, s.valueAt(now), 0.0);
        s.rebase(frame - 5);
        assertEquals(before, s.valueAt(now), 0.0);
    }

    @Test
    void termsAreTheSameInEveryFrameUpToAnExactPowerOfTwo() {
        Instant t = T.plus(Duration.ofHours(5));
        double a = DecayedSum.term(2.75, t, 100, H);
        double b = DecayedSum.term(2.75, t, 137, H);
        assertEquals(a, Math.scalb(b, 37), 0.0);
    }

    @Test
    void shortHalfLifeOverDecadesDoesNotOverflow() {
        long day = Duration.ofDays(1).getSeconds();
        Instant old = Instant.parse("2000-01-01T00:00:00Z");
        Instant recent = Instant.parse("2050-01-01T00:00:00Z");
        // a fixed reference at the old instant would need 2^(18263) for the recent one: not a double
        assertEquals(Double.POSITIVE_INFINITY, Math.pow(2, Duration.between(old, recent).getSeconds() / (double) day));
        DecayedSum s = new DecayedSum(day);
        s.add(old, 1.0);
        s.add(recent, 4.0);
        s.add(old.plus(Duration.ofDays(1)), 1.0);
        assertEquals(4.0, s.valueAt(recent), 1e-12);
        assertEquals(2.0, s.valueAt(recent.plus(Duration.ofDays(1))), 1e-12);
        assertTrue(Double.isFinite(s.referenceValue()));
    }

    @Test
    void compensatedSumKeepsSmallTermsNextToHugeOnes() {
        Instant boundary = Instant.ofEpochSecond(H * 228); // fraction 0: terms are exactly w
        DecayedSum s = new DecayedSum(H);
        s.add(boundary, 1.0);
        s.add(boundary, 1e100);
        s.add(boundary, 1.0);
        s.subtract(boundary, 1e100);
        // naive summation gives 0 here
        assertEquals(0.0, (1.0 + 1e100 + 1.0) - 1e100);
        assertEquals(2.0, s.valueAt(boundary), 0.0);
    }

    @Test
    void subtractTakesBackTheContribution() {
        DecayedSum s = new DecayedSum(H);
        s.add(T, 4.0);
        s.add(T.plus(Duration.ofDays(9)), 2.5);
        s.subtract(T, 4.0);
        Instant now = T.plus(Duration.ofDays(20));
        assertEquals(2.5 * Math.pow(2, -11.0 / 90), s.valueAt(now), 1e-14);
        s.clear();
        assertEquals(0.0, s.valueAt(now), 0.0);
        assertTrue(s.isEmpty());
    }

    @Test
    void readFactorNeverIncreasesAcrossAHalfLifeBoundary() {
        Instant boundary = Instant.ofEpochSecond(H * 229);
        double justBefore = DecayedSum.readFactor(boundary.minusNanos(1), 229, H);
        double at = DecayedSum.readFactor(boundary, 229, H);
        double after = DecayedSum.readFactor(boundary.plusNanos(1), 229, H);
        assertTrue(justBefore >= at && at >= after, justBefore + " " + at + " " + after);
        assertEquals(1.0, at, 0.0);
        assertEquals(0.5, DecayedSum.readFactor(boundary, 228, H), 0.0); // one half-life after t_ref
    }

    @Test
    void restoresAPersistedState() {
        DecayedSum s = new DecayedSum(H);
        s.add(T, 4.0);
        s.add(T.plus(Duration.ofDays(9)), 2.5);
        DecayedSum r = DecayedSum.restore(H, s.frame(), s.rawSum(), s.compensation());
        Instant now = T.plus(Duration.ofDays(33));
        assertEquals(s.valueAt(now), r.valueAt(now), 0.0);
    }
}
