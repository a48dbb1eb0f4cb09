package io.rapport.engagement.rest.dto;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attendance", description = "A member's attendance over the forum's occurrences (cancelled ones excluded)")
public record AttendanceResponse(
    @Schema(examples = "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11") UUID contactId,
    @Schema(description = "Occurrences the member attended", examples = "5") int attended,
    @Schema(description = "Occurrences held", examples = "6") int held,
    @Schema(description = "attended / held, two decimals; 0 when none was held", examples = "0.83") double rate,
    @Schema(description = "Consecutive occurrences attended, counting back from the latest", examples = "3") int streak,
    @Schema(description = "Consecutive occurrences missed, counting back from the latest (0 when the member attended "
        + "the latest): who has stopped coming", examples = "0") int missedInARow) {
}
