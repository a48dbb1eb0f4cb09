package io.rapport.engagement.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.engagement.domain.Cadence;

@Schema(name = "Forum", description = "A recurring leadership forum")
public record ForumResponse(
    @Schema(examples = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e") UUID id,
    @Schema(examples = "Heads of function forum") String name,
    @Schema(examples = "MONTHLY") Cadence cadence,
    List<UUID> memberIds,
    @Schema(description = "Optimistic-lock version, also the ETag", examples = "1") long version,
    @Schema(examples = "2026-08-20T10:15:00Z") Instant createdAt,
    @Schema(examples = "2026-08-20T10:15:00Z") Instant updatedAt) {
}
