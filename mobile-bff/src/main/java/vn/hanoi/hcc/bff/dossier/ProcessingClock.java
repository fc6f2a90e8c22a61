package vn.hanoi.hcc.bff.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * The working time a dossier has been in the administration's hands: from its first status event
 * (its receipt) to its result (status 9), weekends, holidays and hours outside the Center's counted
 * for nothing, and the time spent waiting for the citizen (5, 6, until the next status) left out,
 * as the law leaves it out of the time limit.
 *
 * <p>The timeline is a dossier's applied status events in the order they happened (events that
 * arrived late and were recorded as history only are not part of it).
 */
public final class ProcessingClock {

    private final WorkingCalendar calendar;

    public ProcessingClock(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The working time from receipt to result; empty if the timeline never reached status 9. */
    public Optional<Duration> finished(List<StatusEvent> timeline) {
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).status() == DossierStatus.RESULT_READY) {
                return Optional.of(
                        counted(timeline.subList(0, i + 1), timeline.get(i).at()));
            }
        }
        return Optional.empty();
    }

    /**
     * The working time spent by {@code now}, events after it ignored; for a dossier waiting for the
     * citizen, what it had spent when the wait began (the clock is stopped).
     */
    public Duration spentAt(List<StatusEvent> timeline, Instant now) {
        int known = 0;
        while (known < timeline.size() && !timeline.get(known).at().isAfter(now)) {
            known++;
        }
        return counted(timeline.subList(0, known), now);
    }

    private Duration counted(List<StatusEvent> timeline, Instant end) {
        Duration total = Duration.ZERO;
        for (int i = 0; i < timeline.size(); i++) {
            StatusEvent event = timeline.get(i);
            if (event.status().isPaused()
                    || event.status().isFinished()
                    || event.status().isTerminal()) {
                continue;
            }
            Instant until = i + 1 < timeline.size() ? timeline.get(i + 1).at() : end;
            total = total.plus(calendar.between(event.at(), until));
        }
        return total;
    }
}
