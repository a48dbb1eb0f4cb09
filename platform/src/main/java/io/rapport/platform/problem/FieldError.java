package io.rapport.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bad field of a request: its JSON path and what is wrong with it. */
@Schema(name = "FieldError", description = "One invalid field of the request")
public record FieldError(
    @Schema(description = "JSON path of the field", examples = "email") String field,
    @Schema(description = "What is wrong with it", examples = "must be a well-formed email address") String message) {
}
