package io.rapport.contacts.rest.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BusinessUnit", description = "A unit of the business, possibly inside a parent unit")
public record BusinessUnitView(
    @Schema(description = "Id", examples = "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f") UUID id,
    @Schema(description = "Unique code", examples = "HR") String code,
    @Schema(description = "Display name", examples = "Human Resources") String name,
    @Schema(description = "Parent unit, null for a top-level unit", nullable = true,
        examples = "2c7d9e10-5b4a-4f3e-8d21-0a9b8c7d6e5f") UUID parentId,
    @Schema(description = "Version, also the ETag", examples = "1") long version,
    @Schema(description = "Creation instant (UTC)", examples = "2026-11-25T10:00:00Z") Instant createdAt,
    @Schema(description = "Last change instant (UTC)", examples = "2026-11-25T10:00:00Z") Instant updatedAt) {
}
