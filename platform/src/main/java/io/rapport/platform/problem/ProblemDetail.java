package io.rapport.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the one error shape of every Rapport service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details (media type application/problem+json)",
    requiredProperties = { "type", "title", "status", "detail", "instance" })
public record ProblemDetail(
    @Schema(description = "URI identifying the problem type", examples = "https://rapport.example/problems/validation")
    String type,
    @Schema(description = "Short summary of the problem type", examples = "Validation failed")
    String title,
    @Schema(description = "HTTP status code", examples = "400")
    int status,
    @Schema(description = "Explanation of this occurrence", examples = "2 fields are invalid")
    String detail,
    @Schema(description = "The request path this occurrence concerns", examples = "/api/v1/contacts")
    String instance,
    @Schema(description = "Every invalid field, on validation failures")
    List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://rapport.example/problems/";
}
