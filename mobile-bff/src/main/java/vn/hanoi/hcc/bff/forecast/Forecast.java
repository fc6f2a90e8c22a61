package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;

/** A running dossier's forecast, or why it has none: {@link Expected} or {@link Unavailable}. */
public sealed interface Forecast permits Forecast.Expected, Forecast.Unavailable {

    /**
     * When the result is expected.
     *
     * @param expectedReadyAt the median of comparable dossiers, as an instant in working time from now
     * @param lateBoundAt the 80th percentile: 8 in 10 comparable dossiers were ready by then
     * @param spent the working time spent so far (for a paused dossier, until the pause)
     * @param remaining the median working time still to go
     * @param paused the dossier waits for the citizen (5, 6): its clock is stopped, and the instants
     *     are those it would reach if it resumed now
     * @param dueAt the due time in force; for a paused dossier, moved as resuming now would move it
     * @param likelyLate the expected ready time (the median) is after the due time
     * @param lateBy how far past the due time the median lies, in working time (zero if not)
     */
    record Expected(
            Instant expectedReadyAt,
            Instant lateBoundAt,
            Duration spent,
            Duration remaining,
            boolean paused,
            Instant dueAt,
            boolean likelyLate,
            Duration lateBy,
            Basis basis)
            implements Forecast {}

    /** No forecast, and why: never an invented one. */
    record Unavailable(UnavailableReason reason, boolean paused) implements Forecast {}

    /**
     * What a forecast came from.
     *
     * @param key the group at that level (procedure@agency, procedure or field)
     * @param sampleSize the comparable dossiers: those of the group that took at least as long as
     *     this one has already spent
     * @param windowFrom the earliest result time of the dossiers the distributions hold
     * @param windowTo the latest
     */
    record Basis(ForecastLevel level, String key, int sampleSize, Instant windowFrom, Instant windowTo) {}

    /** Why a running dossier has no forecast. */
    enum UnavailableReason {
        /** No finished dossier of its procedure, or of its field, in the window. */
        NO_HISTORY,
        /** Some, but fewer than the minimum at every level. */
        TOO_FEW_SIMILAR,
        /**
         * Enough in some group, but too few of them took as long as this dossier already has: it
         * has outlasted nearly every comparable one, and their durations say nothing of its rest.
         */
        OUTLASTED_SIMILAR
    }
}
