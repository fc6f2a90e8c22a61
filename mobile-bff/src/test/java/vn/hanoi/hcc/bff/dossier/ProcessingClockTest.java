package vn.hanoi.hcc.bff.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.PAYMENT_REQUIRED;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.PROCESSING;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.RECEIVED;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.RESULT_READY;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.RETURNED;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.STOPPED;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.SUPPLEMENT_REQUIRED;
import static vn.hanoi.hcc.bff.dossier.TimelineFixtures.at;
import static vn.hanoi.hcc.bff.dossier.TimelineFixtures.event;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingClockTest {

    private final ProcessingClock clock = new ProcessingClock(TimelineFixtures.CALENDAR);

    @Test
    void countsWorkingTimeFromReceiptToResult() {
        // Friday 16:00 to Tuesday 10:00: 1 h Friday, 8 h Monday, 2 h Tuesday
        List<StatusEvent> timeline = List.of(
                event(RECEIVED, "2026-08-21T16:00"),
                event(PROCESSING, "2026-08-24T08:00"),
                event(RESULT_READY, "2026-08-25T10:00"),
                event(RETURNED, "2026-08-26T10:00"));
        assertThat(clock.finished(timeline)).contains(Duration.ofHours(11));
    }

    @Test
    void leavesOutTheTimeWaitingForTheCitizen() {
        // 2 h, then paused Monday 10:00 to Wednesday 10:00 (16 working hours), then 3 h
        List<StatusEvent> timeline = List.of(
                event(RECEIVED, "2026-08-24T08:00"),
                event(SUPPLEMENT_REQUIRED, "2026-08-24T10:00"),
                event(PROCESSING, "2026-08-26T10:00"),
                event(PAYMENT_REQUIRED, "2026-08-26T11:00"),
                event(RESULT_READY, "2026-08-26T15:00"));
        assertThat(clock.finished(timeline)).contains(Duration.ofHours(3));
    }

    @Test
    void skipsHolidays() {
        // Monday 31 August 16:00 to Thursday 3 September 09:00 across National Day (1–2 September)
        List<StatusEvent> timeline =
                List.of(event(RECEIVED, "2026-08-31T16:00"), event(RESULT_READY, "2026-09-03T09:00"));
        assertThat(clock.finished(timeline)).contains(Duration.ofHours(2));
    }

    @Test
    void hasNoDurationForADossierWithoutResult() {
        assertThat(clock.finished(List.of(event(RECEIVED, "2026-08-24T08:00"), event(STOPPED, "2026-08-25T08:00"))))
                .isEmpty();
        assertThat(clock.finished(List.of(event(RECEIVED, "2026-08-24T08:00")))).isEmpty();
    }

    @Test
    void countsSoFarAndStopsTheClockDuringAPause() {
        List<StatusEvent> running = List.of(event(RECEIVED, "2026-08-24T08:00"), event(PROCESSING, "2026-08-24T09:00"));
        assertThat(clock.spentAt(running, at("2026-08-25T10:00"))).isEqualTo(Duration.ofHours(10));

        List<StatusEvent> paused =
                List.of(event(RECEIVED, "2026-08-24T08:00"), event(SUPPLEMENT_REQUIRED, "2026-08-24T11:00"));
        assertThat(clock.spentAt(paused, at("2026-08-28T16:00"))).isEqualTo(Duration.ofHours(3));
        // events after the instant asked about are not yet known
        assertThat(clock.spentAt(paused, at("2026-08-24T10:00"))).isEqualTo(Duration.ofHours(2));
    }
}
