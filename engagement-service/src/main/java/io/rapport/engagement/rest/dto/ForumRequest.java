package io.rapport.engagement.rest.dto;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.Cadence;

@Schema(name = "ForumRequest", description = "A leadership forum to create or the full replacement of one")
public record ForumRequest(
    @Schema(required = true, maxLength = 200, examples = "Heads of function forum")
    @NotBlank @Size(max = 200) String name,
    @Schema(required = true, examples = "MONTHLY") @NotNull Cadence cadence,
    @Schema(required = true, description = "Ids of ACTIVE contacts, each once", maxItems = 500)
    @NotNull @Size(max = 500) List<@NotNull UUID> memberIds) {
}
