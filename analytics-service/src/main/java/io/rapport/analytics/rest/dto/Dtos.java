package io.rapport.analytics.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.rapport.analytics.model.Band;

/** The analytics API's response bodies (API.md, "analytics-service"). */
public final class Dtos {

    private Dtos() {
    }

    @Schema(name = "Factors", description = "The factors behind a score")
    public record FactorsDto(
        @Schema(description = "Whole days since the last engagement activity; null without any", examples = "12", nullable = true) Long recencyDays,
        @Schema(description = "Engagements active in the last 90 days", examples = "5") int frequency90d,
        @Schema(description = "Total effort hours", examples = "14.5") double depthHours,
        @Schema(description = "Mean recorded sentiment 1..5; null when none recorded", examples = "4.2", nullable = true) Double sentiment,
        @Schema(description = "1 − |given − received| / (given + received); null when no effort recorded", examples = "0.8", nullable = true) Double reciprocity,
        @Schema(description = "Hours the PMO gave (MUTUAL counts half)", examples = "8") double hoursGiven,
        @Schema(description = "Hours the PMO received (MUTUAL counts half)", examples = "6.5") double hoursReceived) {
    }

    @Schema(name = "Relationship", description = "A contact's relationship strength, explained and forecast")
    public record RelationshipDto(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") UUID contactId,
        @Schema(examples = "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22") UUID businessUnitId,
        @Schema(enumeration = {"INTERNAL", "STAKEHOLDER"}, examples = "INTERNAL") String kind,
        @Schema(description = "0–100", examples = "63.2") double score,
        @Schema(examples = "WARM") Band band,
        @Schema(description = "score now − score 30 days ago", examples = "4.1") double trend,
        FactorsDto factors,
        @Schema(description = "The band it falls into next if nothing happens; null when COLD", examples = "COOL", nullable = true) Band nextBand,
        @Schema(description = "UTC date it falls into nextBand if nothing more happens; null when COLD", examples = "2027-01-19", nullable = true) LocalDate dropsOn,
        @Schema(description = "UTC date it turns COLD if nothing more happens; null when COLD", examples = "2027-04-02", nullable = true) LocalDate coldOn,
        @Schema(description = "Latest engagement activity at or before now (now while one runs); null without any",
            examples = "2026-11-13T10:00:00Z", nullable = true) Instant lastEngagementAt,
        @Schema(description = "The PMO owner's email; null when none", examples = "sam.lee@example.com", nullable = true) String owner,
        @Schema(description = "Only in GET /api/v1/relationships/{contactId} (absent from the list): the contact's most "
            + "recent engagements, at most 5, latest startAt first (ties by engagementId), cancelled ones excluded; "
            + "empty when there are none")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EngagementSummaryDto> lastEngagements) {

        /** The same relationship with its last engagements (the single-relationship response). */
        public RelationshipDto withLastEngagements(List<EngagementSummaryDto> engagements) {
            return new RelationshipDto(contactId, businessUnitId, kind, score, band, trend, factors, nextBand, dropsOn,
                coldOn, lastEngagementAt, owner, List.copyOf(engagements));
        }
    }

    @Schema(name = "EngagementSummary", description = "An engagement as analytics holds it (no title: analytics holds none)")
    public record EngagementSummaryDto(
        @Schema(examples = "6d0e4c8a-2f7b-4a19-8c3e-5b1f9d2a7e44") UUID engagementId,
        @Schema(enumeration = {"ONE_TO_ONE", "LEADERSHIP_FORUM", "SHADOWING", "ON_THE_JOB_TRAINING", "SECONDMENT",
            "EXPERTISE_EXCHANGE", "SME_HOURS", "NETWORKING"}, examples = "ONE_TO_ONE") String type,
        @Schema(enumeration = {"PROPOSED", "AGREED", "ACTIVE", "COMPLETED"}, examples = "COMPLETED") String status,
        @Schema(examples = "2026-11-13T10:00:00Z") Instant startAt,
        @Schema(description = "null for a point engagement without an end", examples = "2026-11-13T11:00:00Z", nullable = true) Instant endAt,
        @Schema(enumeration = {"PMO_GAVE", "PMO_RECEIVED", "MUTUAL"}, examples = "MUTUAL") String direction,
        @Schema(description = "Effort in hours; null when not recorded", examples = "1.0", nullable = true) Double effortHours,
        @Schema(description = "1..5; null when not recorded", examples = "4", nullable = true) Integer sentiment,
        @Schema(description = "When it was COMPLETED (long-running types: it stopped contributing then); null otherwise",
            examples = "2026-11-28T17:00:00Z", nullable = true) Instant completedAt) {
    }

    @Schema(name = "CoverageList", description = "Every business unit's coverage")
    public record CoverageList(List<CoverageItem> items) {
    }

    @Schema(name = "GoingColdPage", description = "Relationships going cold, soonest first; the whole list unless page or size is given")
    public record GoingColdPage(List<GoingColdItem> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
        @Schema(examples = "1") long total) {
    }

    @Schema(name = "ExpiringStakeholderPage", description = "Expiring stakeholder roles by end date; the whole list unless page or size is given")
    public record ExpiringStakeholderPage(List<ExpiringStakeholderItem> items, @Schema(examples = "0") int page,
        @Schema(examples = "20") int size, @Schema(examples = "1") long total) {
    }

    @Schema(name = "ValueReport", description = "Value exchanged per unit over the period")
    public record ValueReport(List<ValueItem> items) {
    }

    @Schema(name = "RelationshipPage", description = "One page of relationships")
    public record RelationshipPage(List<RelationshipDto> items, @Schema(examples = "0") int page,
        @Schema(examples = "20") int size, @Schema(examples = "137") long total) {
    }

    @Schema(name = "UnitCoverage", description = "How well the PMO is connected to one business unit")
    public record CoverageItem(
        UUID businessUnitId,
        @Schema(description = "null while the unit's own event has not arrived", examples = "HR", nullable = true) String code,
        @Schema(description = "null while the unit's own event has not arrived", examples = "Human Resources", nullable = true)
        String name,
        @Schema(description = "Noisy-OR of the unit's contact scores, 0–100", examples = "71.5") double strength,
        @Schema(description = "The unit's strongest ACTIVE contact (lowest id among equals); null without any", nullable = true)
        UUID strongestContactId,
        @Schema(description = "Contacts WARM or STRONG", examples = "1") int warmContacts,
        @Schema(description = "No contact WARM or better", examples = "false") boolean gap,
        @Schema(description = "Exactly one contact WARM or better", examples = "true") boolean singlePoint) {
    }

    @Schema(name = "GoingCold", description = "A relationship whose band drops within the window")
    public record GoingColdItem(UUID contactId,
        @Schema(examples = "47.3") double score,
        @Schema(examples = "WARM") Band band,
        @Schema(examples = "COOL") Band nextBand,
        @Schema(examples = "2026-12-04") LocalDate dropsOn) {
    }

    @Schema(name = "ExpiringStakeholder", description = "A stakeholder role ending in the window, relationship below WARM")
    public record ExpiringStakeholderItem(UUID contactId,
        @Schema(examples = "ERP-2027") String projectCode,
        @Schema(examples = "2027-01-15") LocalDate endDate,
        @Schema(examples = "31.0") double score,
        @Schema(examples = "COOL") Band band) {
    }

    @Schema(name = "UnitValue", description = "Value exchanged with one unit over the period")
    public record ValueItem(UUID businessUnitId,
        @Schema(description = "Effort of PMO_GAVE engagements", examples = "42") double hoursGiven,
        @Schema(description = "Effort of PMO_RECEIVED engagements", examples = "420") double hoursReceived,
        @Schema(description = "Effort of MUTUAL engagements", examples = "6") double hoursMutual,
        @Schema(examples = "{\"ONE_TO_ONE\": 3}") Map<String, Integer> engagementsByType,
        @Schema(description = "Calendar days of SECONDMENT engagements (start to end, inclusive)", examples = "91") long secondeeDays) {
    }

    @Schema(name = "NetworkNode")
    public record Node(@Schema(examples = "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22") String id,
        @Schema(enumeration = {"UNIT", "CONTACT", "OWNER"}, examples = "UNIT") String kind,
        @Schema(examples = "HR") String label) {
    }

    @Schema(name = "NetworkEdge")
    public record Edge(String source, String target, @Schema(description = "0–100", examples = "63.2") double strength) {
    }

    @Schema(name = "Network", description = "Units, contacts and PMO owners with relationship strengths, for a graph library")
    public record Network(List<Node> nodes, List<Edge> edges,
        @Schema(description = "Contacts over all pages, when paged (page or size given); absent otherwise", examples = "137")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long totalContacts) {
    }
}
