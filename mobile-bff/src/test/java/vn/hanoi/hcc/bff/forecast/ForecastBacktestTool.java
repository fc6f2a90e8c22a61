package vn.hanoi.hcc.bff.forecast;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import vn.hanoi.hcc.bff.bench.BenchConfig;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * Runs the forecast's backtest ({@link ForecastBacktest}) on the dossiers of the database at a JDBC
 * URL (a synthetic history or any other), and writes its figures as Markdown. The dossiers are split
 * by receipt: results before the cutoff (by default three quarters of the way from the first receipt
 * to the last: nine months of a year) train, dossiers received from it on are forecast. It trains
 * twice: on every result before the cutoff, and on production's window only
 * ({@code hcc.bff.forecast.window} of config/mobile-bff/application.yml). Little data is said, not
 * fatal.
 *
 * <pre>java -cp … vn.hanoi.hcc.bff.forecast.ForecastBacktestTool &lt;jdbc url&gt; &lt;markdown out&gt; [cutoff yyyy-mm-dd]</pre>
 */
public final class ForecastBacktestTool {

    private ForecastBacktestTool() {}

    public static void main(String[] args) throws Exception {
        List<BacktestDossier> dossiers;
        WorkingCalendar calendar;
        try (Connection connection = DriverManager.getConnection(args[0])) {
            calendar = SyntheticWorld.readCalendar(connection);
            dossiers = BacktestDossier.readAll(connection).stream()
                    .filter(dossier -> !dossier.statusEvents().isEmpty())
                    .toList();
        }
        BacktestReport report = new BacktestReport();
        if (dossiers.isEmpty()) {
            report.line("No dossiers in the database: nothing to train on or to forecast.");
        } else {
            Duration window = BenchConfig.bind("hcc.bff.forecast", ForecastProperties.class)
                    .window();
            backtest(report, dossiers, calendar, args.length > 2 ? LocalDate.parse(args[2]) : null, window);
        }
        Files.writeString(Path.of(args[1]), report.toString(), StandardCharsets.UTF_8);
        System.out.print(report);
    }

    static void backtest(
            BacktestReport report,
            List<BacktestDossier> dossiers,
            WorkingCalendar calendar,
            LocalDate cutoffDay,
            Duration window) {
        Instant first = dossiers.get(0).receivedAt();
        Instant last = dossiers.stream()
                .map(BacktestDossier::receivedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Instant cutoff = (cutoffDay != null
                        ? cutoffDay
                        : BacktestReport.day(first.plus(
                                Duration.between(first, last).multipliedBy(3).dividedBy(4))))
                .atStartOfDay(WorkingCalendar.ZONE)
                .toInstant();
        ForecastBacktest.Split split = new ForecastBacktest.Split(first, cutoff, last.plusSeconds(1));
        ForecastBacktest backtest = new ForecastBacktest(calendar, Forecaster.MINIMUM_COMPARABLE);
        data(report, dossiers, split, backtest);
        ForecastBacktest.Result all = backtest.run(dossiers, split);
        if (report.training("Trained on every result before the cutoff", all, Forecaster.MINIMUM_COMPARABLE)) {
            report.table(all);
        }
        ForecastBacktest.Result recent =
                backtest.run(dossiers, new ForecastBacktest.Split(cutoff.minus(window), cutoff, split.testEnd()));
        String title = "Trained on production's window only, the " + window.toDays() + " days before the cutoff";
        if (report.training(title, recent, Forecaster.MINIMUM_COMPARABLE)) {
            report.table(recent);
        }
    }

    /** What the database holds, and what is tested of it. */
    private static void data(
            BacktestReport report,
            List<BacktestDossier> dossiers,
            ForecastBacktest.Split split,
            ForecastBacktest backtest) {
        List<BacktestDossier> window = dossiers.stream()
                .filter(d -> !d.receivedAt().isBefore(split.cutoff())
                        && d.receivedAt().isBefore(split.testEnd()))
                .toList();
        long finished = window.stream()
                .filter(d -> backtest.tested(d, split).isPresent())
                .count();
        long late = window.stream()
                .filter(d -> backtest.tested(d, split).isPresent() && d.finishedLate())
                .count();
        long closed =
                window.stream().filter(d -> d.finishedAt() == null && ended(d)).count();
        Instant snapshot = dossiers.stream()
                .map(d -> d.timeline().get(d.timeline().size() - 1).at())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        report.line(
                "%,d dossiers received from %s to %s, the newest event on %s. Cutoff %s: results before it train, "
                        + "the %,d dossiers received from it on are forecast; %,d of them have their result (%,d late, %s), "
                        + "%,d ended without one (refused, withdrawn, stopped) and %,d were still running at the newest "
                        + "event: neither has a working time to compare with, so they are left out.",
                dossiers.size(),
                BacktestReport.day(split.trainFrom()),
                BacktestReport.day(split.testEnd()),
                BacktestReport.day(snapshot),
                BacktestReport.day(split.cutoff()),
                window.size(),
                finished,
                late,
                BacktestReport.percent(late / (double) Math.max(1, finished)),
                closed,
                window.size() - finished - closed);
    }

    private static boolean ended(BacktestDossier dossier) {
        List<StatusEvent> events = dossier.statusEvents();
        return events.get(events.size() - 1).status().isTerminal();
    }
}
