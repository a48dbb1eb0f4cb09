package io.rapport.contacts.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelationshipOwner", description = "The PMO team member responsible for the relationship")
public record OwnerDto(
    @Schema(description = "Name", examples = "Sam Lee", required = true, maxLength = 200)
    @NotBlank @Size(max = 200) String name,
    @Schema(description = "Work email", examples = "sam.lee@example.com", required = true, maxLength = 254)
    @NotBlank @Email @Size(max = 254) String email) {
}
