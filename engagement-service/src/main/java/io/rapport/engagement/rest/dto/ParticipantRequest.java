package io.rapport.engagement.rest.dto;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.ParticipantRole;

/** A contact taking part, as the client names it; the service fills in the business unit. */
@Schema(name = "ParticipantRequest", description = "A participating contact and its role")
public record ParticipantRequest(
    @Schema(description = "Id of an ACTIVE contact known to contacts-service", required = true,
        examples = "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11")
    @NotNull UUID contactId,
    @Schema(description = "Part the contact played; ATTENDEE when omitted", examples = "SECONDEE")
    ParticipantRole role) {
}
