package io.rapport.platform.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code {"items": [...], "page": 0, "size": 20, "total": 137}}. */
@Schema(description = "One page of results", requiredProperties = { "items", "page", "size", "total" })
public record PageResponse<T>(
    @Schema(description = "The items of this page") List<T> items,
    @Schema(description = "Page number, from 0", examples = "0") int page,
    @Schema(description = "Page size asked for", examples = "20") int size,
    @Schema(description = "Number of items over all pages", examples = "137") long total) {
}
