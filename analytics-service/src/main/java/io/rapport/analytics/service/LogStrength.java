package io.rapport.analytics.service;

import java.time.Instant;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.ScoringParameters;

/**
 * Score thresholds as bounds on the stored log-form strength {@code l = log2(S_ref) + frame}
 * (half-lives since the epoch): {@code log2 S(now) = l − now/H}, so "score ≥ T at now" is
 * {@code l ≥ log2(S_T) + now/H} for every contact alike, and the instant its score falls below T, if
 * nothing more happens, is {@code (l − log2 S_T)·H} after the epoch. A band filter or a going-cold
 * window is thus a range of {@code l}: an index range scan.
 */
final class LogStrength {

    private final ScoringParameters params;

    LogStrength(ScoringParameters params) {
        this.params = params;
    }

    /** {@code t/H}: the instant in half-lives since the epoch. */
    double halfLives(Instant t) {
        return (t.getEpochSecond() + t.getNano() / 1e9) / params.halfLifeSeconds();
    }

    /** {@code log2(S_T)} of the score threshold {@code T}. */
    double log2Threshold(double score) {
        return Math.log(params.strengthForScore(score)) / Math.log(2.0);
    }

    /** The least {@code l} with a score of at least {@code score} at {@code at}. */
    double atLeast(double score, Instant at) {
        return log2Threshold(score) + halfLives(at);
    }

    /** The lower bound of band {@code b} at {@code at} (null for COLD: unbounded below, strength 0 included). */
    Double lower(Band b, Instant at) {
        return b == Band.COLD ? null : atLeast(params.lowerThreshold(b), at);
    }

    /** The upper bound (exclusive) of band {@code b} at {@code at} (null for STRONG). */
    Double upper(Band b, Instant at) {
        Band above = b == Band.STRONG ? null : Band.values()[b.ordinal() + 1];
        return above == null ? null : atLeast(params.lowerThreshold(above), at);
    }
}
