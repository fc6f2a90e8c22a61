package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.LongStream;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** Instants in Hanoi time, a calendar with National Day 2026 (1–2 September), evenly spread samples. */
final class ForecastFixtures {

    static final WorkingCalendar CALENDAR =
            new WorkingCalendar(Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2)));

    private ForecastFixtures() {}

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }

    static StatusEvent event(DossierStatus status, String local) {
        return new StatusEvent(status, at(local));
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
