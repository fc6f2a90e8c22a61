package vn.hanoi.hcc.bff.notification;

import java.util.Optional;

/** What a citizen is told about. */
public enum NotificationEvent {
    /** Status 9: the result is ready. */
    RESULT_READY,
    /** Status 5 (supplement required) or 6 (payment required): the applicant must act. */
    ACTION_NEEDED,
    /** The due time was moved later, with an apology slip. */
    DUE_EXTENDED;

    /** The notification a move to this national status code triggers, if any. */
    public static Optional<NotificationEvent> forStatus(int statusCode) {
        return switch (statusCode) {
            case 9 -> Optional.of(RESULT_READY);
            case 5, 6 -> Optional.of(ACTION_NEEDED);
            default -> Optional.empty();
        };
    }
}
