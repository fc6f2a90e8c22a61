package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import vn.hanoi.hcc.bff.dossier.ProcessingClock;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * Forecasts a running dossier from the finished dossiers comparable to it. Pure and immutable.
 *
 * <p><b>Comparable</b>: of its group, those that took at least as long as it has already spent
 * (T ≥ spent): a dossier three days in processing is forecast from the dossiers that took three
 * days or more, not from all of them. The group is looked for at each {@link ForecastLevel} in turn,
 * the first with at least {@link #MINIMUM_COMPARABLE} comparable dossiers answering; when none
 * has, the forecast is {@link Forecast.Unavailable} with its reason.
 *
 * <p><b>Why 30.</b> The share of future dossiers finished by the 80th percentile estimated from n
 * samples varies around 80 % with a standard error of √(0.8 × 0.2 / n): ±12.6 points at n = 10,
 * ±8.9 at 20, ±7.3 at 30, ±5.7 at 50. At 30 the "8 in 10" bound covers, two times in three, between 73
 * and 87 % of dossiers, and six sample dossiers still lie above it; below 20 it is as likely to mean 7 in
 * 10 as 9 in 10, which a citizen reading "8 in 10" is not told. 50 would lose the agency level for
 * most procedures of a ward (a few dossiers a week) for little gain.
 *
 * <p><b>Likely late</b> when the median is after the due time: for the comparable dossiers, more
 * than one in two would then be late, which is what "likely" says. The 80 % bound past the due time
 * only says one in five would be, and would flag most dossiers that finish near their due time.
 *
 * <p><b>Paused</b> dossiers (5, 6) have a stopped clock: the forecast is what it would be if the
 * dossier resumed now (the remaining working time counted from now, the due time moved by the time
 * paused so far, as resuming would move it), and says it is paused.
 */
public final class Forecaster {

    /** The fewest comparable dossiers a forecast is made from. */
    public static final int MINIMUM_COMPARABLE = 30;

    static final double MEDIAN = 0.5;
    static final double LATE_BOUND = 0.8;

    private final DistributionTable table;
    private final WorkingCalendar calendar;
    private final int minimum;

    public Forecaster(DistributionTable table, WorkingCalendar calendar) {
        this(table, calendar, MINIMUM_COMPARABLE);
    }

    /** With another minimum: for tests and the backtest's comparisons. */
    public Forecaster(DistributionTable table, WorkingCalendar calendar, int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("A minimum of at least one dossier: " + minimum);
        }
        this.table = table;
        this.calendar = calendar;
        this.minimum = minimum;
    }

    /** The distributions it forecasts from. */
    public DistributionTable table() {
        return table;
    }

    /** The forecast of a running dossier at {@code now}. */
    public Forecast forecast(RunningDossier dossier, Instant now) {
        if (!dossier.isRunning()) {
            throw new IllegalArgumentException("Only a running dossier has a forecast: " + dossier.status());
        }
        Duration spent = new ProcessingClock(calendar).spentAt(dossier.timeline(), now);
        boolean paused = dossier.status().isPaused();
        Forecast.UnavailableReason reason = Forecast.UnavailableReason.NO_HISTORY;
        for (ForecastLevel level : ForecastLevel.values()) {
            String key = level.keyOf(dossier.procedure(), dossier.agency(), dossier.field());
            DurationDistribution distribution = table.find(level, key).orElse(null);
            if (distribution == null) {
                continue;
            }
            int comparable = distribution.comparableCount(spent);
            if (comparable >= minimum) {
                Forecast.Basis basis = new Forecast.Basis(level, key, comparable, table.windowFrom(), table.windowTo());
                return expected(dossier, distribution, spent, now, basis);
            }
            if (distribution.count() >= minimum) {
                reason = Forecast.UnavailableReason.OUTLASTED_SIMILAR;
            } else if (reason == Forecast.UnavailableReason.NO_HISTORY) {
                reason = Forecast.UnavailableReason.TOO_FEW_SIMILAR;
            }
        }
        return new Forecast.Unavailable(reason, paused);
    }

    private Forecast.Expected expected(
            RunningDossier dossier,
            DurationDistribution distribution,
            Duration spent,
            Instant now,
            Forecast.Basis basis) {
        Duration median = distribution.conditionalQuantile(MEDIAN, spent).minus(spent);
        Duration lateBound = distribution.conditionalQuantile(LATE_BOUND, spent).minus(spent);
        Instant readyAt = calendar.plus(now, median);
        Instant boundAt = calendar.plus(now, lateBound);
        boolean paused = dossier.status().isPaused();
        Instant dueAt =
                paused ? dossier.dueAt().plus(Duration.between(dossier.current().at(), now)) : dossier.dueAt();
        boolean late = readyAt.isAfter(dueAt);
        Duration lateBy = late ? calendar.between(dueAt, readyAt) : Duration.ZERO;
        return new Forecast.Expected(readyAt, boundAt, spent, median, paused, dueAt, late, lateBy, basis);
    }
}
