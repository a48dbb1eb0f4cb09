package io.rapport.analytics.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A contact's relationship evaluated at one instant.
 *
 * @param contactId        the contact
 * @param evaluatedAt      the instant it was evaluated at ("now")
 * @param strength         S(now), the decayed sum of contributions credited at or before now
 * @param score            {@code 100·(1 − e^(−S/k))}
 * @param band             band of the score
 * @param trend            {@code score(now) − score(now − 30 days)}, the latter counting only
 *                         contributions credited at or before then
 * @param factors          the factors behind the score
 * @param nextBand         the band below {@code band}; null when COLD
 * @param dropsAt          first instant the score is below {@code band}'s threshold if nothing more
 *                         happens (no further slice at all, see {@link Forecast}); null when COLD
 * @param dropsOn          UTC date of {@code dropsAt}
 * @param coldAt           first instant the score is below the COOL threshold; null when COLD
 * @param coldOn           UTC date of {@code coldAt}
 * @param lastEngagementAt latest engagement activity at or before now, null without any
 */
public record RelationshipScore(
        UUID contactId,
        Instant evaluatedAt,
        double strength,
        double score,
        Band band,
        double trend,
        Factors factors,
        Band nextBand,
        Instant dropsAt,
        LocalDate dropsOn,
        Instant coldAt,
        LocalDate coldOn,
        Instant lastEngagementAt) {

    /** The evaluation from the strength, trend, factors and last activity at {@code now}. */
    public static RelationshipScore of(UUID contactId, Instant now, double strength, double trend, Factors factors,
            Instant lastEngagementAt, ScoringParameters p) {
        double score = p.score(strength);
        Forecast.Result f = Forecast.of(strength, now, p);
        return new RelationshipScore(contactId, now, strength, score, p.band(score), trend, factors, f.nextBand(),
            f.dropsAt(), utcDate(f.dropsAt()), f.coldAt(), utcDate(f.coldAt()), lastEngagementAt);
    }

    private static LocalDate utcDate(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** A contact without engagements: score 0, COLD, no forecast. */
    public static RelationshipScore none(UUID contactId, Instant at) {
        return new RelationshipScore(contactId, at, 0.0, 0.0, Band.COLD, 0.0, Factors.NONE, null, null, null, null, null, null);
    }
}
