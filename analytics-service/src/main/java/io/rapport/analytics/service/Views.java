package io.rapport.analytics.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.analytics.model.Band;
import io.rapport.analytics.model.EngagementSnapshot;
import io.rapport.analytics.model.RelationshipScore;

/** What the analytics services answer (the rest layer maps them to the API's bodies). */
public final class Views {

    private Views() {
    }

    /** A page of a list: the items, where they are and how many there are in all. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /**
     * A contact's relationship.
     *
     * @param kind            STAKEHOLDER while the contact holds an open stakeholder role, else INTERNAL
     * @param lastEngagements its latest engagements (single reads only; null in lists)
     */
    public record Relationship(UUID contactId, UUID businessUnitId, String kind, String owner, RelationshipScore score,
                               List<EngagementSnapshot> lastEngagements) {
    }

    public record UnitCoverage(UUID businessUnitId, String code, String name, double strength, UUID strongestContactId,
                               int warmContacts, boolean gap, boolean singlePoint) {
    }

    public record GoingCold(UUID contactId, double score, Band band, Band nextBand, LocalDate dropsOn, Instant dropsAt) {
    }

    public record ExpiringStakeholder(UUID contactId, String projectCode, LocalDate endDate, double score, Band band) {
    }

    public record UnitValue(UUID businessUnitId, double hoursGiven, double hoursReceived, double hoursMutual,
                            Map<String, Integer> engagementsByType, long secondeeDays) {
    }

    public record NetworkNode(String id, String kind, String label) {
    }

    public record NetworkEdge(String source, String target, double strength) {
    }

    public record Network(List<NetworkNode> nodes, List<NetworkEdge> edges, Long totalContacts) {
    }

    /** An ACTIVE contact overdue for its stay-in-touch cadence. */
    public record Overdue(UUID contactId, String owner, int cadenceDays, Instant lastEngagementAt, LocalDate dueOn,
                          long overdueDays, double score, Band band) {
    }

    /** A contact holding a tag, with its relationship now. */
    public record Holder(UUID contactId, UUID businessUnitId, double score, Band band, String owner) {
    }

    /** A tag: its strongest holders, how many are WARM or better, how many hold it. */
    public record Expertise(String tag, List<Holder> contacts, int warmContacts, int holders) {
    }

    /** A tag held only by COLD or COOL relationships, with its strongest holder. */
    public record ExpertiseGap(String tag, int holders, Holder strongest) {
    }

    /** A contact placed on the power/interest grid. */
    public record StakeholderMapEntry(UUID contactId, String influence, String interest, String stance, double score, Band band,
                                      String quadrant) {
    }

    /** A contact where influence is at risk: HIGH influence below WARM, or a sceptic or resistor. */
    public record InfluenceGap(UUID contactId, UUID businessUnitId, String owner, String influence, String interest,
                               String stance, double score, Band band, List<String> reasons) {
    }
}
