package vn.hanoi.hcc.bff.notification;

/** What a citizen is told about. */
public enum NotificationEvent {
    /** Status 9: the result is ready. */
    RESULT_READY,
    /** Status 5 (supplement required) or 6 (payment required): the applicant must act. */
    ACTION_NEEDED,
    /** The due time was moved later, with an apology slip. */
    DUE_EXTENDED,
    /** A reminder: the result (status 9) is still not collected, some working days on. */
    REMINDER_RESULT_READY,
    /** A reminder: the dossier still waits for the applicant (5, 6), some working days on. */
    REMINDER_ACTION_NEEDED;

    /** Whether this is a reminder, which nobody is woken for (the quiet hours: ReminderSchedule). */
    public boolean isReminder() {
        return this == REMINDER_RESULT_READY || this == REMINDER_ACTION_NEEDED;
    }
}
