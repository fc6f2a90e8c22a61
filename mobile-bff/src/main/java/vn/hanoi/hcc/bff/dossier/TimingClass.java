package vn.hanoi.hcc.bff.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import vn.hanoi.hcc.bff.i18n.Language;

/**
 * Whether a dossier keeps its due time, derived when asked and never stored: active dossiers are
 * ON_TIME, DUE_SOON (within 24 h of the due time) or OVERDUE; paused ones PAUSED; finished ones
 * EARLY (result ready on an earlier day than due), ON_TIME or LATE (after the due time); closed
 * without a result (3, 7, 8) CLOSED. Days are counted in Asia/Ho_Chi_Minh.
 */
public enum TimingClass {
    ON_TIME("Đúng hạn", "On time"),
    DUE_SOON("Sắp đến hạn", "Due soon"),
    OVERDUE("Quá hạn", "Overdue"),
    PAUSED("Tạm dừng", "Paused"),
    EARLY("Trước hạn", "Early"),
    LATE("Trễ hạn", "Late"),
    CLOSED("Đã đóng", "Closed");

    public static final Duration DUE_SOON_WINDOW = Duration.ofHours(24);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String vietnamese;
    private final String english;

    TimingClass(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public static TimingClass of(DossierStatus status, Instant dueAt, Instant finishedAt, Instant now) {
        if (status.isPaused()) {
            return PAUSED;
        }
        if (status.isFinished()) {
            Instant finished = finishedAt == null ? now : finishedAt;
            if (finished.isAfter(dueAt)) {
                return LATE;
            }
            return finished.atZone(ZONE)
                            .toLocalDate()
                            .isBefore(dueAt.atZone(ZONE).toLocalDate())
                    ? EARLY
                    : ON_TIME;
        }
        if (status.isActive()) {
            if (now.isAfter(dueAt)) {
                return OVERDUE;
            }
            return now.plus(DUE_SOON_WINDOW).isAfter(dueAt) ? DUE_SOON : ON_TIME;
        }
        return CLOSED;
    }

    public String label(Locale locale) {
        return Language.of(locale).pick(vietnamese, english);
    }
}
