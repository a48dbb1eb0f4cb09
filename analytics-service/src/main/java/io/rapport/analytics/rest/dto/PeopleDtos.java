package io.rapport.analytics.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.analytics.model.Band;

/** The bodies of the stay-in-touch, expertise and influence reads (API.md, "Stay in touch, expertise, influence"). */
public final class PeopleDtos {

    private PeopleDtos() {
    }

    @Schema(name = "OverdueContact", description = "An ACTIVE contact not engaged within its stay-in-touch cadence")
    public record OverdueItem(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") UUID contactId,
        @Schema(description = "The PMO owner's email; null when none", examples = "sam.lee@example.com", nullable = true) String owner,
        @Schema(description = "The contact's cadence, or its seniority's default", examples = "30") int cadenceDays,
        @Schema(description = "End of its latest non-cancelled engagement; null when never engaged (then counted from its creation)",
            examples = "2026-10-01T10:00:00Z", nullable = true) Instant lastEngagementAt,
        @Schema(description = "When it was due (UTC date)", examples = "2026-10-31") LocalDate dueOn,
        @Schema(description = "Whole days past due", examples = "32") long overdueDays,
        @Schema(examples = "41.5") double score,
        @Schema(examples = "COOL") Band band) {
    }

    @Schema(name = "OverduePage", description = "Overdue contacts, most overdue first")
    public record OverduePage(List<OverdueItem> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
        @Schema(examples = "1") long total) {
    }

    @Schema(name = "ExpertiseHolder", description = "A contact holding an expertise tag, with its relationship")
    public record HolderDto(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") UUID contactId,
        @Schema(examples = "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22") UUID businessUnitId,
        @Schema(examples = "72.4") double score,
        @Schema(examples = "STRONG") Band band,
        @Schema(description = "Who in the PMO owns the relationship (can introduce); null when none",
            examples = "sam.lee@example.com", nullable = true) String owner) {
    }

    @Schema(name = "Expertise", description = "Who holds a tag, strongest relationship first")
    public record ExpertiseItem(
        @Schema(examples = "payroll") String tag,
        @Schema(description = "The strongest holders (at most contactsPerTag)") List<HolderDto> contacts,
        @Schema(description = "Holders WARM or better", examples = "2") int warmContacts,
        @Schema(description = "ACTIVE contacts holding the tag (an addition)", examples = "7") int holders) {
    }

    @Schema(name = "ExpertisePage", description = "Tags by prefix, in tag order")
    public record ExpertisePage(List<ExpertiseItem> items, @Schema(examples = "0") int page, @Schema(examples = "20") int size,
        @Schema(examples = "1") long total) {
    }

    @Schema(name = "ExpertiseGap", description = "A tag held only by COLD or COOL relationships")
    public record ExpertiseGapItem(
        @Schema(examples = "treasury") String tag,
        @Schema(description = "ACTIVE contacts holding it", examples = "3") int holders,
        @Schema(description = "Its strongest holder: the one to warm up", examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11")
        UUID strongestContactId,
        @Schema(examples = "31.0") double score,
        @Schema(examples = "COOL") Band band,
        @Schema(description = "The strongest holder's PMO owner; null when none", examples = "sam.lee@example.com", nullable = true)
        String owner) {
    }

    @Schema(name = "ExpertiseGapList", description = "Tags without a WARM holder, in tag order")
    public record ExpertiseGapList(List<ExpertiseGapItem> items) {
    }

    @Schema(name = "StakeholderMapEntry", description = "A contact on the power/interest grid")
    public record StakeholderMapItem(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") UUID contactId,
        @Schema(enumeration = {"LOW", "MEDIUM", "HIGH"}, examples = "HIGH", nullable = true) String influence,
        @Schema(enumeration = {"LOW", "MEDIUM", "HIGH"}, examples = "HIGH", nullable = true) String interest,
        @Schema(enumeration = {"CHAMPION", "SUPPORTER", "NEUTRAL", "SCEPTIC", "RESISTOR"}, examples = "SUPPORTER", nullable = true)
        String stance,
        @Schema(examples = "55.0") double score,
        @Schema(examples = "WARM") Band band,
        @Schema(description = "HIGH is the high half of each axis; MEDIUM, LOW and unassessed the low half",
            enumeration = {"MANAGE_CLOSELY", "KEEP_SATISFIED", "KEEP_INFORMED", "MONITOR"}, examples = "MANAGE_CLOSELY")
        String quadrant) {
    }

    @Schema(name = "StakeholderMap", description = "The stakeholders, strongest first; the whole list unless page or size is given")
    public record StakeholderMapPage(List<StakeholderMapItem> items, @Schema(examples = "0") int page,
        @Schema(examples = "20") int size, @Schema(examples = "1") long total) {
    }

    @Schema(name = "InfluenceGap", description = "Where influence is at risk: HIGH influence below WARM, or a sceptic or resistor")
    public record InfluenceGapItem(
        @Schema(examples = "3f1c2a9e-8d4b-4c1e-9a57-0b6f2d1e7c11") UUID contactId,
        @Schema(examples = "9b2e7d10-3c5a-4f8e-b1d2-6a4c0e9f8b22") UUID businessUnitId,
        @Schema(examples = "sam.lee@example.com", nullable = true) String owner,
        @Schema(enumeration = {"LOW", "MEDIUM", "HIGH"}, examples = "HIGH", nullable = true) String influence,
        @Schema(enumeration = {"LOW", "MEDIUM", "HIGH"}, examples = "MEDIUM", nullable = true) String interest,
        @Schema(enumeration = {"CHAMPION", "SUPPORTER", "NEUTRAL", "SCEPTIC", "RESISTOR"}, examples = "SCEPTIC", nullable = true)
        String stance,
        @Schema(examples = "28.0") double score,
        @Schema(examples = "COOL") Band band,
        @Schema(description = "BELOW_WARM (HIGH influence, relationship below WARM), SCEPTIC or RESISTOR",
            examples = "[\"BELOW_WARM\", \"SCEPTIC\"]") List<String> reasons) {
    }

    @Schema(name = "InfluenceGapPage", description = "Highest influence first, then weakest relationship first")
    public record InfluenceGapPage(List<InfluenceGapItem> items, @Schema(examples = "0") int page,
        @Schema(examples = "20") int size, @Schema(examples = "1") long total) {
    }
}
