package io.rapport.contacts.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.domain.ProjectRole;

@Schema(name = "StakeholderRole", description = "A contact's role on a project")
public record StakeholderRoleView(
    @Schema(description = "Id", examples = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c") UUID id,
    @Schema(description = "The contact", examples = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6") UUID contactId,
    @Schema(description = "Project code", examples = "ERP-2027") String projectCode,
    @Schema(description = "Project name", examples = "ERP replacement") String projectName,
    @Schema(description = "Role", examples = "SPONSOR") ProjectRole role,
    @Schema(description = "First day", examples = "2026-01-01") LocalDate startDate,
    @Schema(description = "Last day; set to today (at the latest) when the role is ended", examples = "2027-03-31",
        nullable = true) LocalDate endDate,
    @Schema(description = "Added field: true while the role is open (not ended and endDate not past)", examples = "true")
    boolean open,
    @Schema(description = "Added field: version, also the ETag", examples = "1") long version) {
}
