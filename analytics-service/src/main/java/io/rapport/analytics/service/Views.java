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
}
