package vn.hanoi.hcc.bff.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hanoi.hcc.bff.dossier.ProcessingClock;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * The forecast's backtest: distributions trained on the dossiers whose result came before a cutoff
 * (as the refresher would have built them then), then every dossier received after it that has its
 * result forecast by the production {@link Forecaster} from its state at several points of its
 * life: at receipt, and when it had spent 25, 50 and 75 % of the working time it really took. Each
 * forecast is scored against what happened ({@link BacktestTally}).
 */
final class ForecastBacktest {

    /** The points of a dossier's life it is forecast at: shares of its real working time. */
    static final double[] LIFE = {0, 0.25, 0.5, 0.75};

    /**
     * What the backtest trains on and tests.
     *
     * @param trainFrom the earliest result the distributions hold (the window's start)
     * @param cutoff results before it train; dossiers received from it on are tested
     * @param testEnd dossiers received before it are tested
     */
    record Split(Instant trainFrom, Instant cutoff, Instant testEnd) {}

    /**
     * The tallies per life point, over all of them, and at the weekly snapshots; what they came from.
     */
    record Result(
            int trained,
            Map<ForecastLevel, int[]> groups,
            int tested,
            List<BacktestTally> perPoint,
            BacktestTally overall,
            BacktestTally weekly) {}

    /** The weekly snapshot: every running dossier forecast on Wednesdays at 10:00, as a citizen would look. */
    static final DayOfWeek SNAPSHOT_DAY = DayOfWeek.WEDNESDAY;

    static final LocalTime SNAPSHOT_TIME = LocalTime.of(10, 0);

    private final WorkingCalendar calendar;
    private final ProcessingClock clock;
    private final int minimum;

    ForecastBacktest(WorkingCalendar calendar, int minimum) {
        this.calendar = calendar;
        this.clock = new ProcessingClock(calendar);
        this.minimum = minimum;
    }

    Result run(List<BacktestDossier> dossiers, Split split) {
        Map<DistributionTable.Group, List<Long>> samples = samples(dossiers, split);
        Forecaster forecaster = new Forecaster(table(samples, split), calendar, minimum);
        List<BacktestTally> perPoint = new ArrayList<>();
        for (int i = 0; i < LIFE.length; i++) {
            perPoint.add(new BacktestTally());
        }
        BacktestTally overall = new BacktestTally();
        BacktestTally weekly = new BacktestTally();
        int tested = 0;
        for (BacktestDossier dossier : dossiers) {
            Optional<Duration> took = tested(dossier, split);
            if (took.isPresent()) {
                tested++;
                for (int i = 0; i < LIFE.length; i++) {
                    Instant now = momentSpent(dossier.statusEvents(), share(took.get(), LIFE[i]));
                    Optional<BacktestTally.Observation> seen = observe(forecaster, dossier, took.get(), now);
                    seen.ifPresent(perPoint.get(i)::add);
                    seen.ifPresent(overall::add);
                }
                for (Instant now : snapshots(dossier.receivedAt(), dossier.finishedAt())) {
                    observe(forecaster, dossier, took.get(), now).ifPresent(weekly::add);
                }
            }
        }
        return new Result(trained(samples), groupCounts(samples), tested, perPoint, overall, weekly);
    }

    /** The working times of the results in the training window, in every group each belongs to. */
    private Map<DistributionTable.Group, List<Long>> samples(List<BacktestDossier> dossiers, Split split) {
        Map<DistributionTable.Group, List<Long>> samples = new HashMap<>();
        for (BacktestDossier dossier : dossiers) {
            Optional<Duration> took = finishedWithin(dossier, split.trainFrom(), split.cutoff());
            for (ForecastLevel level : ForecastLevel.values()) {
                took.ifPresent(duration -> samples.computeIfAbsent(
                                new DistributionTable.Group(level, key(level, dossier)), g -> new ArrayList<>())
                        .add(duration.toSeconds()));
            }
        }
        return samples;
    }

    /** How many results trained: each is in exactly one group of a level. */
    private static int trained(Map<DistributionTable.Group, List<Long>> samples) {
        return samples.entrySet().stream()
                .filter(entry -> entry.getKey().level() == ForecastLevel.FIELD)
                .mapToInt(entry -> entry.getValue().size())
                .sum();
    }

    private static Duration share(Duration took, double share) {
        return Duration.ofSeconds(Math.round(took.toSeconds() * share));
    }

    /** The weekly snapshot instants from one instant (inclusive) to another (exclusive). */
    static List<Instant> snapshots(Instant from, Instant to) {
        LocalDate day =
                from.atZone(WorkingCalendar.ZONE).toLocalDate().with(TemporalAdjusters.nextOrSame(SNAPSHOT_DAY));
        List<Instant> instants = new ArrayList<>();
        for (Instant at = day.atTime(SNAPSHOT_TIME).atZone(WorkingCalendar.ZONE).toInstant(); at.isBefore(to); ) {
            if (!at.isBefore(from)) {
                instants.add(at);
            }
            day = day.plusWeeks(1);
            at = day.atTime(SNAPSHOT_TIME).atZone(WorkingCalendar.ZONE).toInstant();
        }
        return instants;
    }

    /** The working time of a dossier received in the test window that has its result; empty otherwise. */
    Optional<Duration> tested(BacktestDossier dossier, Split split) {
        boolean received = !dossier.receivedAt().isBefore(split.cutoff())
                && dossier.receivedAt().isBefore(split.testEnd());
        return received && dossier.finishedAt() != null ? clock.finished(dossier.statusEvents()) : Optional.empty();
    }

    private Optional<Duration> finishedWithin(BacktestDossier dossier, Instant from, Instant to) {
        Instant finished = dossier.finishedAt();
        boolean within = finished != null && !finished.isBefore(from) && finished.isBefore(to);
        return within ? clock.finished(dossier.statusEvents()) : Optional.empty();
    }

    /** The dossier forecast at {@code now}, as it stood then; empty if it was not running then. */
    Optional<BacktestTally.Observation> observe(
            Forecaster forecaster, BacktestDossier dossier, Duration took, Instant now) {
        RunningDossier running = dossier.asOf(now);
        if (!running.isRunning()) {
            return Optional.empty();
        }
        Forecast forecast = forecaster.forecast(running, now);
        Duration spent = clock.spentAt(running.timeline(), now);
        Duration actual = took.minus(spent);
        // as the timing class sees it: a paused dossier is PAUSED, its due time moving while it waits
        boolean paused = running.status().isPaused();
        Instant due =
                paused ? running.dueAt().plus(Duration.between(running.current().at(), now)) : running.dueAt();
        boolean overdue = !paused && now.isAfter(due);
        Duration toDue = calendar.between(now, due);
        if (forecast instanceof Forecast.Expected expected) {
            return Optional.of(new BacktestTally.Observation(
                    expected.basis().level(),
                    null,
                    expected.remaining(),
                    actual,
                    !dossier.finishedAt().isAfter(expected.lateBoundAt()),
                    actual.compareTo(calendar.between(now, expected.lateBoundAt())) <= 0,
                    expected.likelyLate(),
                    overdue,
                    toDue,
                    dossier.finishedLate()));
        }
        Forecast.Unavailable none = (Forecast.Unavailable) forecast;
        return Optional.of(new BacktestTally.Observation(
                null, none.reason(), null, actual, false, false, false, overdue, toDue, dossier.finishedLate()));
    }

    /** The first instant by which the dossier had spent this much working time (its receipt for none). */
    Instant momentSpent(List<StatusEvent> events, Duration target) {
        Duration counted = Duration.ZERO;
        for (int i = 0; i + 1 < events.size(); i++) {
            StatusEvent event = events.get(i);
            if (event.status().isPaused()
                    || event.status().isFinished()
                    || event.status().isTerminal()) {
                continue;
            }
            Duration stretch = calendar.between(event.at(), events.get(i + 1).at());
            if (counted.plus(stretch).compareTo(target) >= 0) {
                return calendar.plus(event.at(), target.minus(counted));
            }
            counted = counted.plus(stretch);
        }
        return events.get(events.size() - 1).at();
    }

    private static String key(ForecastLevel level, BacktestDossier dossier) {
        return level.keyOf(dossier.procedure(), dossier.agency(), dossier.field());
    }

    private static DistributionTable table(Map<DistributionTable.Group, List<Long>> samples, Split split) {
        Map<DistributionTable.Group, DurationDistribution> groups = new HashMap<>();
        samples.forEach((group, seconds) -> groups.put(
                group,
                DurationDistribution.ofSamples(
                        seconds.stream().mapToLong(Long::longValue).toArray())));
        return DistributionTable.of(1, split.trainFrom(), split.cutoff(), groups);
    }

    /** Per level: the groups trained, those with at least the minimum of dossiers, and the largest's size. */
    private Map<ForecastLevel, int[]> groupCounts(Map<DistributionTable.Group, List<Long>> samples) {
        Map<ForecastLevel, int[]> counts = new java.util.EnumMap<>(ForecastLevel.class);
        for (ForecastLevel level : ForecastLevel.values()) {
            counts.put(level, new int[3]);
        }
        samples.forEach((group, seconds) -> {
            int[] count = counts.get(group.level());
            count[0]++;
            count[1] += seconds.size() >= minimum ? 1 : 0;
            count[2] = Math.max(count[2], seconds.size());
        });
        return counts;
    }
}
