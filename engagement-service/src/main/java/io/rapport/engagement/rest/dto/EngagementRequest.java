package io.rapport.engagement.rest.dto;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.Direction;
import io.rapport.engagement.domain.EngagementType;

/** What a client sends to log (POST) or replace (PUT) an engagement. */
@ValidEngagement
@Schema(name = "EngagementRequest", description = "An engagement to log or the full replacement of one")
public record EngagementRequest(
    @Schema(required = true, examples = "SECONDMENT") @NotNull EngagementType type,
    @Schema(required = true, maxLength = 300, examples = "Payroll analyst seconded to ERP cut-over")
    @NotBlank @Size(max = 300) String title,
    @Schema(required = true, examples = "2026-09-01T09:00:00Z") @NotNull Instant startAt,
    @Schema(description = "Required for SECONDMENT, SHADOWING and ON_THE_JOB_TRAINING; not before startAt",
        examples = "2026-11-30T17:00:00Z")
    Instant endAt,
    @Schema(required = true, description = "At least one; each contact once", minItems = 1, maxItems = 200)
    @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ParticipantRequest> participants,
    @Schema(required = true, examples = "PMO_RECEIVED") @NotNull Direction direction,
    @Schema(description = "Effort in hours, 0 when omitted", minimum = "0", maximum = "100000", examples = "420")
    @PositiveOrZero @DecimalMax("100000") Double effortHours,
    @Schema(description = "1 (poor) to 5 (excellent), or null", minimum = "1", maximum = "5", examples = "4", nullable = true)
    @Min(1) @Max(5) Integer sentiment,
    @Schema(description = "Outcome notes", maxLength = 10000, examples = "Cut-over rehearsal signed off a week early")
    @Size(max = 10000) String outcome,
    @Valid Lead lead,
    @Schema(description = "Hours pledged (long-running types only)", minimum = "0", examples = "480")
    @PositiveOrZero @DecimalMax("100000") Double hoursPledged,
    @Schema(description = "Hours delivered so far (long-running types only)", minimum = "0", examples = "420")
    @PositiveOrZero @DecimalMax("100000") Double hoursDelivered) {
}
