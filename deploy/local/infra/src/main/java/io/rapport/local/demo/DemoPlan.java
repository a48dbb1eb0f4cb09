package io.rapport.local.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A PMO's network to load through the public API, as data: every item has a stable {@code key} (its
 * Idempotency-Key suffix), so a second load of the same plan replays instead of adding.
 */
public record DemoPlan(long seed, LocalDate anchor, List<Unit> units, List<Contact> contacts, List<Role> roles,
                       List<Engagement> engagements, List<Forum> forums, List<String> leaverKeys) {

    /** How well the PMO knows a unit: what its engagements look like over the two years. */
    public enum Profile { STRONG, STEADY, SINGLE_POINT, COOLING, GAP }

    public record Unit(String key, String code, String name, String parentKey, Profile profile) {
    }

    public record Owner(String name, String email) {
    }

    public record Contact(String key, String unitKey, String fullName, String email, String phone, String jobTitle,
                          String seniority, List<String> expertise, Owner owner, Integer cadenceDays, String influence,
                          String interest, String stance) {
    }

    public record Role(String key, String contactKey, String projectCode, String projectName, String role,
                       LocalDate startDate, LocalDate endDate) {
    }

    public record Participant(String contactKey, String role) {
    }

    /**
     * One engagement. Long-running types (secondment, shadowing, on-the-job training) start PROPOSED and are moved
     * to {@code status} by transitions; the others are COMPLETED when logged.
     */
    public record Engagement(String key, String type, String title, Instant startAt, Instant endAt,
                             List<Participant> participants, String direction, double effortHours, Integer sentiment,
                             String outcome, Owner lead, Double hoursPledged, Double hoursDelivered, String status) {
    }

    public record Occurrence(String key, Instant at, List<String> attendeeKeys, double effortHours, Integer sentiment) {
    }

    public record Forum(String key, String name, String cadence, List<String> memberKeys, List<Occurrence> occurrences) {
    }
}
