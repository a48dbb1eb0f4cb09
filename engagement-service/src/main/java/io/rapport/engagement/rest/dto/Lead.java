package io.rapport.engagement.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The PMO team member who led an engagement. */
@Schema(name = "Lead", description = "The PMO team member who led the engagement")
public record Lead(
    @Schema(description = "Full name", examples = "Sam Lee", maxLength = 200)
    @NotBlank @Size(max = 200) String name,
    @Schema(description = "Email address", examples = "sam.lee@example.com", maxLength = 320)
    @NotBlank @Email @Size(max = 320) String email) {
}
