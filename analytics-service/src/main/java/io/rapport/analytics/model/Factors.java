package io.rapport.analytics.model;

/**
 * The factors behind a score (API.md, {@code Relationship.factors}), over the contact's contributing
 * engagements (ACTIVE or COMPLETED, latest version) that have started by the evaluation instant. Like
 * the score, they count only what has happened: the effort of a long-running engagement is credited
 * slice by slice as its weeks are worked (a running secondment's future weeks count for nothing yet).
 *
 * @param recencyDays   whole days since the last engagement activity (an engagement's activity
 *                      runs from startAt to endAt; an ongoing one counts as now); null without any
 * @param frequency90d  engagements whose activity falls at least partly in the last 90 days
 * @param depthHours    total effort hours credited so far (= hoursGiven + hoursReceived)
 * @param sentiment     mean of the recorded sentiments, null when none is recorded
 * @param reciprocity   {@code 1 − |given − received| / (given + received)}: 1 balanced, 0 one-way;
 *                      null when no effort is recorded either way (balance is then undefined)
 * @param hoursGiven    hours the PMO gave (MUTUAL counts half)
 * @param hoursReceived hours the PMO received (MUTUAL counts half)
 */
public record Factors(
        Long recencyDays,
        int frequency90d,
        double depthHours,
        Double sentiment,
        Double reciprocity,
        double hoursGiven,
        double hoursReceived) {

    public static final Factors NONE = new Factors(null, 0, 0.0, null, null, 0.0, 0.0);

    /**
     * The factors from the effort credited so far, in micro-hours (see {@link Slice}): depth = given +
     * received, reciprocity from the two.
     */
    public static Factors of(Long recencyDays, int frequency90d, Double sentiment, long givenMicros, long receivedMicros) {
        double given = Slice.hours(givenMicros);
        double received = Slice.hours(receivedMicros);
        return new Factors(recencyDays, frequency90d, Slice.hours(givenMicros + receivedMicros), sentiment,
            reciprocity(given, received), given, received);
    }

    /** {@code 1 − |given − received| / (given + received)}, null when both are 0. */
    public static Double reciprocity(double given, double received) {
        double total = given + received;
        if (!(total > 0)) {
            return null;
        }
        return 1.0 - Math.abs(given - received) / total;
    }
}
