package io.rapport.contacts.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "Result of a CSV import: how many rows were imported and why the others were not")
public record ImportReport(
    @Schema(description = "Rows imported", examples = "9998") int imported,
    @Schema(description = "Rows refused, with their line numbers (the header is line 1)") List<RejectedRow> rejected) {

    @Schema(name = "ImportRejectedRow", description = "A refused CSV row")
    public record RejectedRow(
        @Schema(description = "Line number in the file (header = 1)", examples = "17") int line,
        @Schema(description = "Why, one entry per bad column: 'column: message'",
            examples = "[\"email: must be a well-formed email address\"]") List<String> errors) {
    }
}
