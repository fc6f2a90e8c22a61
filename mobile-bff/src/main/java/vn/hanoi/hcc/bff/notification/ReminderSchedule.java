package vn.hanoi.hcc.bff.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * When a dossier waiting for its owner is due its next reminder, and whether now is a time to send
 * one. The first comes {@code first-after} working days (of the Center's working time, so weekends
 * and public holidays do not count, and it falls in working hours) after the dossier began to wait;
 * each further one {@code repeat-every} after the one before, never more than {@code max-reminders},
 * none once the wait is older than {@code window}. Pure: the caller says what time it is.
 */
final class ReminderSchedule {

    private final ReminderProperties properties;

    ReminderSchedule(ReminderProperties properties) {
        this.properties = properties;
    }

    /**
     * The next reminder's due time, or none when the series is over.
     *
     * @param waitingSince when the dossier reached the status it waits in
     * @param sent         reminders already queued for this wait
     * @param lastSentAt   when the last of them was (null for none)
     */
    Optional<Instant> nextDue(WorkingCalendar calendar, Instant waitingSince, int sent, Instant lastSentAt) {
        if (sent >= properties.maxReminders()) {
            return Optional.empty();
        }
        Instant due = sent == 0
                ? calendar.plus(waitingSince, WorkingCalendar.WORKING_DAY.multipliedBy(properties.firstAfter()))
                : lastSentAt.plus(properties.repeatEvery());
        return due.isBefore(waitingSince.plus(properties.window())) ? Optional.of(due) : Optional.empty();
    }

    /** Whether this instant lies in the quiet hours (Hanoi time), when no reminder is queued. */
    boolean isQuiet(Instant now) {
        LocalTime time = now.atZone(WorkingCalendar.ZONE).toLocalTime();
        LocalTime from = properties.quietFrom();
        LocalTime until = properties.quietUntil();
        return from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
    }

    /**
     * How long a reminder that failed to send at {@code now} waits before it is tried again: the
     * dispatcher's {@code wait}, or, if that would end in the quiet hours, until they end. A reminder
     * queued at 20:59 during an FCM outage is never retried at night.
     */
    Duration retryOutsideQuietHours(Instant now, Duration wait) {
        Instant retry = now.plus(wait);
        if (!isQuiet(retry)) {
            return wait;
        }
        ZonedDateTime local = retry.atZone(WorkingCalendar.ZONE);
        ZonedDateTime end = local.with(properties.quietUntil());
        if (end.isBefore(local)) {
            end = local.plusDays(1).with(properties.quietUntil());
        }
        return Duration.between(now, end.toInstant());
    }

    /** The earliest a dossier may have begun to wait and still get a reminder now. */
    Instant waitingAfter(Instant now) {
        return now.minus(properties.window());
    }

    /**
     * The latest a dossier may have begun to wait and be due its first reminder now: N working days
     * take at least N - 1 calendar days (from a morning's opening to the N-th day's closing).
     */
    Instant waitingBefore(Instant now) {
        return now.minus(Duration.ofDays(properties.firstAfter() - 1L));
    }

    /** The latest the previous reminder may have been queued for the next to be due now. */
    Instant lastSentBefore(Instant now) {
        return now.minus(properties.repeatEvery());
    }

    int maxReminders() {
        return properties.maxReminders();
    }
}
