package io.rapport.engagement.rest.dto;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.ParticipantRole;

@Schema(name = "Participant", description = "A participating contact, with its business unit at the time of the engagement")
public record ParticipantResponse(
    @Schema(examples = "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11") UUID contactId,
    @Schema(examples = "SECONDEE") ParticipantRole role,
    @Schema(description = "The contact's business unit when it was added to the engagement (filled in by the service)",
        examples = "8d2e4b7a-1c3f-4e5d-9a8b-7c6d5e4f3a21")
    UUID businessUnitId) {
}
