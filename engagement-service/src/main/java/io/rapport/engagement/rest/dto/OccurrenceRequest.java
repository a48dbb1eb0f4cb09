package io.rapport.engagement.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.Direction;

@Schema(name = "OccurrenceRequest", description = "One meeting of a forum and who attended")
public record OccurrenceRequest(
    @Schema(required = true, examples = "2026-11-25T10:00:00Z") @NotNull Instant occurredAt,
    @Schema(required = true, description = "Ids of the contacts who attended (ACTIVE contacts, each once; guests"
        + " who are not members are allowed)", minItems = 1, maxItems = 500)
    @NotNull @Size(min = 1, max = 500) List<@NotNull UUID> attendeeIds,
    @Schema(required = true, description = "Length of the meeting in hours", minimum = "0", examples = "1.5")
    @NotNull @PositiveOrZero @DecimalMax("100000") Double effortHours,
    @Schema(description = "MUTUAL when omitted", examples = "MUTUAL") Direction direction,
    @Schema(minimum = "1", maximum = "5", examples = "4", nullable = true) @Min(1) @Max(5) Integer sentiment,
    @Schema(maxLength = 10000, examples = "Agreed the Q1 hiring freeze exceptions") @Size(max = 10000) String outcome,
    @Valid Lead lead) {
}
