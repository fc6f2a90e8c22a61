package vn.hanoi.hcc.bff.point;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A point's public service record over a recent window, as last computed: counts, and the figures
 * drawn from them where the counts reach their minimum. Public data: counts and shares, nothing
 * about any person or dossier.
 *
 * @param windowFrom the first day of the window (Asia/Ho_Chi_Minh)
 * @param windowTo the last day of the window, the day it was computed
 * @param computedAt when it was computed; null before the first computation
 * @param received dossiers received at the point in the window (not those refused or still waiting for acceptance)
 */
@Schema(description = "The point's service record over the last 90 days")
public record PointRecord(
        LocalDate windowFrom,
        LocalDate windowTo,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        Instant computedAt,

        long received,
        PointTimeliness timeliness,
        PointSatisfaction satisfaction) {

    /** Why a part of the record shows no figure. */
    public enum Withheld {
        /** Fewer finished dossiers in the window than the minimum. */
        TOO_FEW_FINISHED,
        /** Fewer ratings in the window than the minimum. */
        TOO_FEW_RATINGS,
        /** No record has been computed yet. */
        NOT_YET_COMPUTED
    }

    /**
     * Dossiers whose result was ready in the window, against their due time in force.
     *
     * @param finished how many
     * @param minimum the fewest the figures are shown for
     * @param onTimeOrEarly of those, ready on time or early (withheld below the minimum)
     * @param onTimeOrEarlyShare onTimeOrEarly ÷ finished, to a tenth of a percent (withheld below the minimum)
     * @param medianWorkingDays working days from receipt to result, time waiting for the citizen left out, to a
     *     tenth (withheld below the minimum)
     * @param withheld why the figures are absent; null when they are shown
     */
    public record PointTimeliness(
            long finished,
            int minimum,
            @Schema(types = {"integer", "null"}) Long onTimeOrEarly,
            @Schema(types = {"number", "null"}) Double onTimeOrEarlyShare,
            @Schema(types = {"number", "null"}) Double medianWorkingDays,
            @Schema(types = {"string", "null"}) Withheld withheld) {}

    /**
     * Citizens' ratings (1 to 5) given in the window, as the Center's satisfaction view counts them.
     *
     * @param ratings how many
     * @param minimum the fewest the figures are shown for
     * @param satisfied of those, 4 or 5 (withheld below the minimum)
     * @param satisfiedShare satisfied ÷ ratings, to a tenth of a percent (withheld below the minimum)
     * @param withheld why the figures are absent; null when they are shown
     */
    public record PointSatisfaction(
            long ratings,
            int minimum,
            @Schema(types = {"integer", "null"}) Long satisfied,
            @Schema(types = {"number", "null"}) Double satisfiedShare,
            @Schema(types = {"string", "null"}) Withheld withheld) {}
}
