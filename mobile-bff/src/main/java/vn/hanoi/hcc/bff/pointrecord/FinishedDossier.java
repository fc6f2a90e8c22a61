package vn.hanoi.hcc.bff.pointrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.TimingClass;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * A dossier whose result was ready in the window, as the record counts it.
 *
 * @param dueAt the due time in force (extensions and pauses already applied)
 * @param pauses the spans it waited for the citizen (statuses 5 and 6)
 */
record FinishedDossier(
        String pointId,
        DossierStatus status,
        Instant receivedAt,
        Instant finishedAt,
        Instant dueAt,
        List<Pause> pauses) {

    /** A span in status 5 or 6, from entering it to leaving it. */
    record Pause(Instant from, Instant until) {}

    /** Early or on time, by the timing class the Center's views give a finished dossier. */
    boolean onTimeOrEarly() {
        TimingClass timing = TimingClass.of(status, dueAt, finishedAt, finishedAt);
        return timing == TimingClass.EARLY || timing == TimingClass.ON_TIME;
    }

    /** The working time from receipt to result, less the working time spent waiting for the citizen. */
    Duration workingTime(WorkingCalendar calendar) {
        Duration total = calendar.between(receivedAt, finishedAt);
        for (Pause pause : pauses) {
            Instant from = pause.from().isBefore(receivedAt) ? receivedAt : pause.from();
            Instant until = pause.until().isAfter(finishedAt) ? finishedAt : pause.until();
            total = total.minus(calendar.between(from, until));
        }
        return total.isNegative() ? Duration.ZERO : total;
    }
}
