package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest's figures over a set of forecasts of finished dossiers (one life point, or all):
 * plain arithmetic, tested on its own.
 *
 * <ul>
 *   <li><b>coverage</b>: the share of forecasts made at each level, and of "no forecast" by reason;
 *   <li><b>median absolute error</b>, in working hours, of the median remaining time against the
 *       remaining time the dossier really took (pauses excluded on both sides), over the forecasts
 *       made; the baseline's (the working time left to the due time in force, none when overdue)
 *       over the same dossiers;
 *   <li><b>calibration</b>: the share of those that had their result by the 80 % bound, as an
 *       instant (what the citizen reads; later pauses push the result past it) and in working time;
 *   <li><b>likely late</b>: precision and recall of the flag against the dossiers whose result came
 *       after their due time, over every dossier (no forecast: not flagged), beside the naive
 *       baseline's (flagged when already overdue); and <b>before overdue</b>, the same among the
 *       dossiers not yet overdue, where the baseline flags nothing: the Center's early warning.
 * </ul>
 */
final class BacktestTally {

    /**
     * One forecast of a finished dossier at one point of its life.
     *
     * @param level where the forecast came from; null when none was made
     * @param reason why none was made; null when one was
     * @param predicted the median working time still to go; null without a forecast
     * @param actual the working time it really still took
     * @param byBound the result came by the 80 % bound's instant
     * @param byBoundWorking the working time it still took was within the bound's
     * @param flagged the forecast said likely late
     * @param overdue it was already past its due time (the baseline's flag)
     * @param toDue the working time left to the due time in force (zero when overdue)
     * @param late its result came after its due time
     */
    record Observation(
            ForecastLevel level,
            Forecast.UnavailableReason reason,
            Duration predicted,
            Duration actual,
            boolean byBound,
            boolean byBoundWorking,
            boolean flagged,
            boolean overdue,
            Duration toDue,
            boolean late) {}

    /** Precision and recall of a flag; NaN where undefined (nothing flagged, nothing late). */
    record Flag(int flagged, int truePositives, int late) {

        double precision() {
            return flagged == 0 ? Double.NaN : (double) truePositives / flagged;
        }

        double recall() {
            return late == 0 ? Double.NaN : (double) truePositives / late;
        }
    }

    private final Map<ForecastLevel, Integer> levels = new EnumMap<>(ForecastLevel.class);
    private final Map<Forecast.UnavailableReason, Integer> reasons = new EnumMap<>(Forecast.UnavailableReason.class);
    private final List<Double> errors = new ArrayList<>();
    private final List<Double> baselineErrors = new ArrayList<>();
    private int total;
    private int byBound;
    private int byBoundWorking;
    private int late;
    private int flagged;
    private int flaggedLate;
    private int overdue;
    private int overdueLate;
    private int early;
    private int earlyLate;
    private int lateNotOverdue;

    void add(Observation observation) {
        total++;
        late += observation.late() ? 1 : 0;
        flagged += observation.flagged() ? 1 : 0;
        flaggedLate += observation.flagged() && observation.late() ? 1 : 0;
        overdue += observation.overdue() ? 1 : 0;
        overdueLate += observation.overdue() && observation.late() ? 1 : 0;
        boolean warned = observation.flagged() && !observation.overdue();
        early += warned ? 1 : 0;
        earlyLate += warned && observation.late() ? 1 : 0;
        lateNotOverdue += observation.late() && !observation.overdue() ? 1 : 0;
        if (observation.level() == null) {
            reasons.merge(observation.reason(), 1, Integer::sum);
            return;
        }
        levels.merge(observation.level(), 1, Integer::sum);
        errors.add(hoursBetween(observation.predicted(), observation.actual()));
        baselineErrors.add(hoursBetween(observation.toDue(), observation.actual()));
        byBound += observation.byBound() ? 1 : 0;
        byBoundWorking += observation.byBoundWorking() ? 1 : 0;
    }

    int total() {
        return total;
    }

    int given() {
        return errors.size();
    }

    int late() {
        return late;
    }

    /** The share of all forecasts asked for that came from this level. */
    double share(ForecastLevel level) {
        return ratio(levels.getOrDefault(level, 0), total);
    }

    /** The share of all forecasts asked for that were refused for this reason. */
    double share(Forecast.UnavailableReason reason) {
        return ratio(reasons.getOrDefault(reason, 0), total);
    }

    double medianAbsoluteErrorHours() {
        return median(errors);
    }

    double baselineMedianAbsoluteErrorHours() {
        return median(baselineErrors);
    }

    double byBoundShare() {
        return ratio(byBound, given());
    }

    double byBoundWorkingShare() {
        return ratio(byBoundWorking, given());
    }

    Flag likelyLate() {
        return new Flag(flagged, flaggedLate, late);
    }

    Flag baseline() {
        return new Flag(overdue, overdueLate, late);
    }

    /** The warning the baseline cannot give: flagged while not yet overdue, against the late ones not yet overdue. */
    Flag beforeOverdue() {
        return new Flag(early, earlyLate, lateNotOverdue);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double hoursBetween(Duration a, Duration b) {
        return Math.abs(a.minus(b).toSeconds()) / 3600.0;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
