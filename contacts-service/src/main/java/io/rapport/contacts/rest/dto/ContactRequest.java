package io.rapport.contacts.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.contacts.domain.ContactStatus;
import io.rapport.contacts.domain.Level;
import io.rapport.contacts.domain.Seniority;
import io.rapport.contacts.domain.Stance;

@Schema(name = "ContactRequest", description = "A contact to create, or its new state (PUT replaces every field)")
public record ContactRequest(
    @Schema(description = "Full name", examples = "Priya Shah", required = true, maxLength = 200)
    @NotBlank @Size(max = 200) String fullName,
    @Schema(description = "Work email, unique (case-insensitive)", examples = "priya.shah@example.com", required = true,
        maxLength = 254)
    @NotBlank @Email @Size(max = 254) String email,
    @Schema(description = "Phone number: digits, spaces and + ( ) - . /", examples = "+44 20 7946 0000", maxLength = 40,
        nullable = true)
    @Size(max = 40) @Pattern(regexp = "^[0-9+() ./-]*$", message = "may hold only digits, spaces and + ( ) - . /")
    String phone,
    @Schema(description = "Job title", examples = "HR Business Partner", maxLength = 200, nullable = true)
    @Size(max = 200) String jobTitle,
    @Schema(description = "The contact's business unit", examples = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f", required = true)
    @NotNull UUID businessUnitId,
    @Schema(description = "Seniority", required = true, examples = "MANAGER",
        enumeration = { "EXECUTIVE", "SENIOR_MANAGER", "MANAGER", "STAFF" })
    @NotNull @OneOf(Seniority.class) String seniority,
    @Schema(description = "Expertise tags (at most 30, each 1–50 characters; stored lower-case, duplicates dropped)",
        examples = "[\"recruitment\", \"secondments\"]", nullable = true)
    @Size(max = 30) List<@NotBlank @Size(max = 50) String> expertise,
    @Schema(description = "Relationship owner in the PMO", nullable = true)
    @Valid OwnerDto owner,
    @Schema(description = "Free-text notes (private: never published in events)", maxLength = 4000, nullable = true,
        examples = "Prefers morning meetings")
    @Size(max = 4000) String notes,
    @Schema(description = "On PUT only: ACTIVE or LEFT (ignored on create, which is always ACTIVE); omitted keeps the status",
        enumeration = { "ACTIVE", "LEFT" }, nullable = true, examples = "ACTIVE")
    @OneOf(ContactStatus.class) String status,
    @Schema(description = "How often the PMO means to engage this contact, in days (1–365); null takes the default for "
        + "the contact's seniority (analytics configuration, e.g. EXECUTIVE 30, SENIOR_MANAGER 45, MANAGER 60, STAFF 90)",
        examples = "30", minimum = "1", maximum = "365", nullable = true)
    @Min(1) @Max(365) Integer cadenceDays,
    @Schema(description = "Influence on the stakeholder grid (HIGH is the high half)", nullable = true, examples = "HIGH",
        enumeration = { "LOW", "MEDIUM", "HIGH" })
    @OneOf(Level.class) String influence,
    @Schema(description = "Interest on the stakeholder grid (HIGH is the high half)", nullable = true, examples = "MEDIUM",
        enumeration = { "LOW", "MEDIUM", "HIGH" })
    @OneOf(Level.class) String interest,
    @Schema(description = "Stance towards the PMO's work", nullable = true, examples = "SUPPORTER",
        enumeration = { "CHAMPION", "SUPPORTER", "NEUTRAL", "SCEPTIC", "RESISTOR" })
    @OneOf(Stance.class) String stance) {
}
