package io.rapport.contacts.rest.dto;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.domain.ProjectRole;

@Schema(name = "StakeholderRoleRequest", description = "A stakeholder role to add, or its new state (PUT replaces it)")
public record StakeholderRoleRequest(
    @Schema(description = "Project code", examples = "ERP-2027", required = true, maxLength = 40)
    @NotBlank @Size(max = 40) String projectCode,
    @Schema(description = "Project name", examples = "ERP replacement", required = true, maxLength = 200)
    @NotBlank @Size(max = 200) String projectName,
    @Schema(description = "Role on the project", examples = "SPONSOR", required = true,
        enumeration = { "SPONSOR", "APPROVER", "IMPACTED_LEAD", "SUBJECT_MATTER_EXPERT", "OTHER" })
    @NotNull @OneOf(ProjectRole.class) String role,
    @Schema(description = "First day (YYYY-MM-DD)", examples = "2026-01-01", required = true)
    @NotNull LocalDate startDate,
    @Schema(description = "Last day (YYYY-MM-DD), not before startDate; null while open-ended", examples = "2027-03-31",
        nullable = true)
    LocalDate endDate) {
}
