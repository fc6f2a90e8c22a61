package vn.hanoi.hcc.bff.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimingClassTest {

    private static final Instant DUE = Instant.parse("2025-11-25T10:00:00Z"); // 17:00 in Hanoi

    @ParameterizedTest
    @CsvSource({
        "RECEIVED,   2025-11-23T09:59:00Z, , ON_TIME",
        "PROCESSING, 2025-11-24T10:00:01Z, , DUE_SOON",
        "NEW,        2025-11-25T10:00:01Z, , OVERDUE",
        "SUPPLEMENT_REQUIRED, 2025-12-30T00:00:00Z, , PAUSED",
        "PAYMENT_REQUIRED,    2025-11-01T00:00:00Z, , PAUSED",
        "RESULT_READY, 2025-12-30T00:00:00Z, 2025-11-24T16:59:59Z, EARLY",
        "RESULT_READY, 2025-12-30T00:00:00Z, 2025-11-24T17:00:00Z, ON_TIME",
        "RETURNED,     2025-12-30T00:00:00Z, 2025-11-25T10:00:00Z, ON_TIME",
        "RETURNED,     2025-12-30T00:00:00Z, 2025-11-25T10:00:01Z, LATE",
        "REJECTED,     2025-12-30T00:00:00Z, , CLOSED",
        "WITHDRAWN,    2025-11-01T00:00:00Z, , CLOSED",
        "STOPPED,      2025-12-30T00:00:00Z, , CLOSED"
    })
    void derivesTheTimingClassFromStatusDueTimeAndNow(
            DossierStatus status, Instant now, Instant finishedAt, TimingClass expected) {
        assertThat(TimingClass.of(status, DUE, finishedAt, now)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"OVERDUE, vi, Quá hạn", "OVERDUE, en, Overdue", "EARLY, fr, Trước hạn"})
    void labelsInVietnameseUnlessEnglishIsAsked(TimingClass timing, String language, String label) {
        assertThat(timing.label(Locale.forLanguageTag(language))).isEqualTo(label);
    }
}
