package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** The backtest's figures as Markdown, for docs/BENCHMARKS.md. */
final class BacktestReport {

    private final StringBuilder out = new StringBuilder();

    void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /**
     * How much the training had, per level: groups trained, those with at least the minimum, the
     * largest. False, said plainly, when no group reaches the minimum: then nothing is forecast.
     */
    boolean training(String title, ForecastBacktest.Result result, int minimum) {
        line("");
        line(
                "**%s**: %,d finished dossiers trained on; groups with at least %d of them: %s.",
                title, result.trained(), minimum, groups(result));
        boolean any = result.groups().values().stream().anyMatch(count -> count[1] > 0);
        if (!any) {
            line("");
            line(
                    "Too few finished dossiers to train: %d, and no group at any level has the %d a forecast needs, so "
                            + "each of the %,d forecasts asked of the %,d dossiers tested is \"no forecast\".",
                    result.trained(),
                    minimum,
                    result.overall().total() + result.weekly().total(),
                    result.tested());
        }
        return any;
    }

    /** One table: a row per life point, then all of them pooled. */
    void table(ForecastBacktest.Result result) {
        line("");
        line("| life point | forecasts asked | by procedure@agency / procedure / field / none | median abs. error, h: "
                + "forecast / due time | result by the 80 %% bound: instant / working time | likely late: "
                + "precision / recall | overdue (baseline): precision / recall | likely late before overdue: "
                + "precision / recall |");
        line("|---|---|---|---|---|---|---|---|");
        List<BacktestTally> points = result.perPoint();
        for (int i = 0; i < points.size(); i++) {
            double share = ForecastBacktest.LIFE[i];
            row(
                    share == 0 ? "at receipt" : String.format(Locale.ROOT, "%.0f %% of its working time", share * 100),
                    points.get(i));
        }
        row("**all four**", result.overall());
        row("weekly snapshots", result.weekly());
        BacktestTally all = result.overall();
        line("");
        line(
                "No forecast, of all asked: %s too few similar, %s outlasted the similar ones, %s no history.",
                percent(all.share(Forecast.UnavailableReason.TOO_FEW_SIMILAR)),
                percent(all.share(Forecast.UnavailableReason.OUTLASTED_SIMILAR)),
                percent(all.share(Forecast.UnavailableReason.NO_HISTORY)));
    }

    private void row(String label, BacktestTally tally) {
        BacktestTally.Flag flag = tally.likelyLate();
        BacktestTally.Flag baseline = tally.baseline();
        BacktestTally.Flag early = tally.beforeOverdue();
        line(
                "| %s | %,d (%,d late) | %s / %s / %s / %s | %s / %s | %s / %s | %s / %s | %s / %s | %s / %s |",
                label,
                tally.total(),
                tally.late(),
                percent(tally.share(ForecastLevel.PROCEDURE_AT_AGENCY)),
                percent(tally.share(ForecastLevel.PROCEDURE)),
                percent(tally.share(ForecastLevel.FIELD)),
                percent(1 - tally.given() / (double) Math.max(1, tally.total())),
                hours(tally.medianAbsoluteErrorHours()),
                hours(tally.baselineMedianAbsoluteErrorHours()),
                percent(tally.byBoundShare()),
                percent(tally.byBoundWorkingShare()),
                percent(flag.precision()),
                percent(flag.recall()),
                percent(baseline.precision()),
                percent(baseline.recall()),
                percent(early.precision()),
                percent(early.recall()));
    }

    private static String groups(ForecastBacktest.Result result) {
        StringBuilder text = new StringBuilder();
        for (ForecastLevel level : ForecastLevel.values()) {
            int[] count = result.groups().get(level);
            text.append(text.length() == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT, "%s %d of %d (largest %d)", label(level), count[1], count[0], count[2]));
        }
        return text.toString();
    }

    static String label(ForecastLevel level) {
        return switch (level) {
            case PROCEDURE_AT_AGENCY -> "procedure@agency";
            case PROCEDURE -> "procedure";
            case FIELD -> "field";
        };
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String hours(double hours) {
        return Double.isNaN(hours) ? "—" : String.format(Locale.ROOT, "%.1f", hours);
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
