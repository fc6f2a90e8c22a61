package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.dossier.TimelineFixtures;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** Instants in Hanoi time, a calendar with National Day 2026 (1–2 September), evenly spread samples. */
final class ForecastFixtures {

    static final WorkingCalendar CALENDAR = TimelineFixtures.CALENDAR;

    private ForecastFixtures() {}

    static Instant at(String local) {
        return TimelineFixtures.at(local);
    }

    static StatusEvent event(DossierStatus status, String local) {
        return TimelineFixtures.event(status, local);
    }

    /** {@code count} durations evenly spread from {@code from} to {@code to} working hours. */
    static DurationDistribution spread(int count, int fromHours, int toHours) {
        long from = Duration.ofHours(fromHours).toSeconds();
        long to = Duration.ofHours(toHours).toSeconds();
        long[] seconds = LongStream.range(0, count)
                .map(i -> count == 1 ? from : from + (to - from) * i / (count - 1))
                .toArray();
        return DurationDistribution.ofSamples(seconds);
    }
}
