package vn.hanoi.hcc.bff.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A running dossier's forecast as its views show it: when it is expected (the median of comparable
 * finished dossiers, in working time), by when 8 in 10 of them were ready, whether that is later
 * than the due time, and what it rests on; or why there is none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Expected completion of a running dossier (statuses 1, 2, 4, 5, 6); absent for any other")
public record ExpectedCompletion(
        @Schema(description = "false: no forecast, see reason")
        boolean available,

        @Schema(description = "The median of comparable dossiers")
        Instant expectedReadyAt,

        @Schema(description = "8 in 10 comparable dossiers were ready by then")
        Instant lateBoundAt,

        @Schema(description = "The expected ready time is after the due time in force")
        Boolean likelyLate,

        @Schema(description = "Waiting for the citizen: the clock is stopped, times assume it resumes now")
        boolean paused,

        ForecastBasis basis,

        @Schema(
                description = "Why there is no forecast",
                allowableValues = {"NO_HISTORY", "TOO_FEW_SIMILAR", "OUTLASTED_SIMILAR", "NOT_READY"})
        String reason,

        @Schema(description = "The forecast in a sentence, in the caller's language")
        String text) {

    /**
     * What the forecast came from.
     *
     * @param level PROCEDURE_AT_AGENCY, PROCEDURE or FIELD
     * @param sampleSize comparable finished dossiers: those that took at least as long as this one has
     */
    public record ForecastBasis(String level, int sampleSize, Instant windowFrom, Instant windowTo) {}
}
