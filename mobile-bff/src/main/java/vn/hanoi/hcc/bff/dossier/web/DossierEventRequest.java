package vn.hanoi.hcc.bff.dossier.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /api/v1/agent/dossiers/{code}/events}: a status event, or a due-date extension
 * ({@code dueAt} and {@code reason}, no status).
 */
record DossierEventRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.IDENTIFIER)
        String eventId,

        @Min(1) @Max(10) Integer status,
        @NotNull Instant occurredAt,
        @Size(max = 100) @Pattern(regexp = TextRules.LINE) String agency,
        @Size(max = 2000) @Pattern(regexp = TextRules.TEXT) String note,
        Instant dueAt,
        @Size(max = 1000) @Pattern(regexp = TextRules.TEXT) String reason) {}
