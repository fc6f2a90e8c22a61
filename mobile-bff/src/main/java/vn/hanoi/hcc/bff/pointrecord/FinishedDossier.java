package vn.hanoi.hcc.bff.pointrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.ProcessingClock;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
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

    /**
     * The working time from receipt to result less the time spent waiting for the citizen, counted by
     * the same {@link ProcessingClock} as the forecasts: the pauses become the timeline's stays in 5.
     */
    Duration workingTime(WorkingCalendar calendar) {
        List<StatusEvent> timeline = new ArrayList<>();
        timeline.add(new StatusEvent(DossierStatus.RECEIVED, receivedAt));
        pauses.stream().sorted(Comparator.comparing(Pause::from)).forEach(pause -> {
            timeline.add(new StatusEvent(DossierStatus.SUPPLEMENT_REQUIRED, latest(receivedAt, pause.from())));
            timeline.add(new StatusEvent(DossierStatus.PROCESSING, earliest(finishedAt, pause.until())));
        });
        timeline.add(new StatusEvent(DossierStatus.RESULT_READY, finishedAt));
        return new ProcessingClock(calendar).finished(timeline).orElseThrow();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
