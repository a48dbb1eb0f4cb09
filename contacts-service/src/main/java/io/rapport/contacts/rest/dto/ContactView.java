package io.rapport.contacts.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.domain.ContactKind;
import io.rapport.contacts.domain.ContactStatus;
import io.rapport.contacts.domain.Level;
import io.rapport.contacts.domain.Seniority;
import io.rapport.contacts.domain.Stance;

@Schema(name = "Contact", description = "A person the PMO knows. An erased contact keeps only id, businessUnitId and "
    + "status ERASED (every personal field null)")
public record ContactView(
    @Schema(description = "Id", examples = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6") UUID id,
    @Schema(description = "Full name", examples = "Priya Shah", nullable = true) String fullName,
    @Schema(description = "Work email", examples = "priya.shah@example.com", nullable = true) String email,
    @Schema(description = "Phone", examples = "+44 20 7946 0000", nullable = true) String phone,
    @Schema(description = "Job title", examples = "HR Business Partner", nullable = true) String jobTitle,
    @Schema(description = "Business unit", examples = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f") UUID businessUnitId,
    @Schema(description = "Seniority", examples = "MANAGER", nullable = true) Seniority seniority,
    @Schema(description = "Expertise tags", examples = "[\"recruitment\", \"secondments\"]") List<String> expertise,
    @Schema(description = "Relationship owner", nullable = true) OwnerDto owner,
    @Schema(description = "Status", examples = "ACTIVE") ContactStatus status,
    @Schema(description = "STAKEHOLDER while the contact holds an open stakeholder role, else INTERNAL", examples = "INTERNAL")
    ContactKind kind,
    @Schema(description = "Notes", examples = "Prefers morning meetings", nullable = true) String notes,
    @Schema(description = "How often the PMO means to engage this contact, in days; null: the seniority's default",
        examples = "30", nullable = true) Integer cadenceDays,
    @Schema(description = "Influence on the stakeholder grid", examples = "HIGH", nullable = true) Level influence,
    @Schema(description = "Interest on the stakeholder grid", examples = "MEDIUM", nullable = true) Level interest,
    @Schema(description = "Stance towards the PMO's work", examples = "SUPPORTER", nullable = true) Stance stance,
    @Schema(description = "Version, also the ETag", examples = "3") long version,
    @Schema(description = "Creation instant (UTC)", examples = "2026-11-25T10:00:00Z") Instant createdAt,
    @Schema(description = "Last change instant (UTC)", examples = "2026-11-25T10:00:00Z") Instant updatedAt) {
}
