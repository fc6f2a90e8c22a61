package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** Timelines in Hanoi time, on a calendar with National Day 2026 (1–2 September) as holidays. */
public final class TimelineFixtures {

    public static final WorkingCalendar CALENDAR =
            new WorkingCalendar(Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2)));

    private TimelineFixtures() {}

    /** The instant of a local date and time in Hanoi, e.g. {@code 2026-09-03T08:00}. */
    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** The dossier reached this status at this local time. */
    public static StatusEvent event(DossierStatus status, String local) {
        return new StatusEvent(status, at(local));
    }
}
