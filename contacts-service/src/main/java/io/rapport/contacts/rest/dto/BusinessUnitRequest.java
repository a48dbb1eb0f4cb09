package io.rapport.contacts.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BusinessUnitRequest", description = "A business unit to create, or its new state (PUT replaces it)")
public record BusinessUnitRequest(
    @Schema(description = "Short unique code: upper-case letters, digits, '-' or '_', 1–20 characters",
        examples = "HR", required = true, maxLength = 20, pattern = "^[A-Z0-9][A-Z0-9_-]{0,19}$")
    @NotBlank @Size(max = 20) @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{0,19}$",
        message = "must be 1-20 upper-case letters, digits, '-' or '_'") String code,
    @Schema(description = "Display name", examples = "Human Resources", required = true, maxLength = 200)
    @NotBlank @Size(max = 200) String name,
    @Schema(description = "The unit this one belongs to, or null for a top-level unit; cycles are refused",
        examples = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f", nullable = true)
    UUID parentId) {
}
