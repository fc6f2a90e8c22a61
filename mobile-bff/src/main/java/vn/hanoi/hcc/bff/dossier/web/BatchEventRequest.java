package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** One event of {@code POST /api/v1/agent/events:batch}: an event with its dossier's code. */
record BatchEventRequest(
        @NotBlank @Pattern(regexp = TextRules.CODE) String code,

        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.IDENTIFIER)
        String eventId,

        @Min(1) @Max(10) Integer status,
        @NotNull Instant occurredAt,
        @Size(max = 100) @Pattern(regexp = TextRules.LINE) String agency,
        @Size(max = 2000) @Pattern(regexp = TextRules.TEXT) String note,
        Instant dueAt,
        @Size(max = 1000) @Pattern(regexp = TextRules.TEXT) String reason) {

    DossierEventRequest event() {
        return new DossierEventRequest(eventId, status, occurredAt, agency, note, dueAt, reason);
    }
}
