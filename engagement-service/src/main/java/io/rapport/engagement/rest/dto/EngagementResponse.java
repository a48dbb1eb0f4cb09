package io.rapport.engagement.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.Direction;
import io.rapport.engagement.domain.EngagementStatus;
import io.rapport.engagement.domain.EngagementType;

@Schema(name = "Engagement", description = "Something the PMO did with one or more contacts")
public record EngagementResponse(
    @Schema(examples = "6a1f2e3d-4c5b-4a69-8877-665544332211") UUID id,
    @Schema(examples = "SECONDMENT") EngagementType type,
    @Schema(examples = "Payroll analyst seconded to ERP cut-over") String title,
    @Schema(examples = "2026-09-01T09:00:00Z") Instant startAt,
    @Schema(examples = "2026-11-30T17:00:00Z", nullable = true) Instant endAt,
    List<ParticipantResponse> participants,
    @Schema(examples = "PMO_RECEIVED") Direction direction,
    @Schema(examples = "420") double effortHours,
    @Schema(examples = "4", nullable = true) Integer sentiment,
    @Schema(examples = "Cut-over rehearsal signed off a week early", nullable = true) String outcome,
    @Schema(nullable = true) Lead lead,
    @Schema(description = "PROPOSED, AGREED, ACTIVE for open long-running engagements; COMPLETED or CANCELLED",
        examples = "ACTIVE") EngagementStatus status,
    @Schema(examples = "480", nullable = true) Double hoursPledged,
    @Schema(examples = "420", nullable = true) Double hoursDelivered,
    @Schema(description = "The forum whose occurrence this is (LEADERSHIP_FORUM created by a forum)", nullable = true)
    UUID forumId,
    @Schema(description = "Optimistic-lock version, also the ETag", examples = "2") long version,
    @Schema(examples = "2026-08-20T10:15:00Z") Instant createdAt,
    @Schema(examples = "2026-09-01T09:05:00Z") Instant updatedAt) {
}
