package io.rapport.engagement.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.EngagementStatus;

@Schema(name = "TransitionRequest", description = "Moves a long-running engagement along its lifecycle")
public record TransitionRequest(
    @Schema(required = true, description = "PROPOSED → AGREED → ACTIVE → COMPLETED, or CANCELLED from any open state",
        examples = "AGREED")
    @NotNull EngagementStatus to,
    @Schema(description = "Optionally records the hours delivered so far with the transition", minimum = "0",
        examples = "420")
    @PositiveOrZero @DecimalMax("100000") Double hoursDelivered) {
}
