package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import vn.hanoi.hcc.bff.dossier.DossierStatus;

/**
 * A dossier waiting for its owner that may be due a reminder.
 *
 * @param waitingSince when it reached its status (the dossier's {@code status_at}): the wait's key
 * @param sent         reminders queued for this wait so far
 * @param lastSentAt   when the last of them was queued; null for none
 */
record ReminderCandidate(long dossierId, DossierStatus status, Instant waitingSince, int sent, Instant lastSentAt) {

    /** A result to collect (9), or an action to take (5, 6). */
    NotificationEvent event() {
        return status == DossierStatus.RESULT_READY
                ? NotificationEvent.REMINDER_RESULT_READY
                : NotificationEvent.REMINDER_ACTION_NEEDED;
    }
}
