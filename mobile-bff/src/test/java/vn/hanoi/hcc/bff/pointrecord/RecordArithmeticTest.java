package vn.hanoi.hcc.bff.pointrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.point.PointRecord;
import vn.hanoi.hcc.bff.point.PointRecord.Withheld;
import vn.hanoi.hcc.bff.pointrecord.FinishedDossier.Pause;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** The record's arithmetic: timing classes, working days, the median, shares, and the minimums. */
class RecordArithmeticTest {

    /** 2026: Victory Day and Labour Day, Thursday 30 April and Friday 1 May. */
    private static final WorkingCalendar CALENDAR =
            new WorkingCalendar(Set.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1)));

    @Test
    void countsEarlyAndOnTimeButNotLateByTheCentersTimingClass() {
        Instant due = at("2026-05-06T17:00");
        // ready on an earlier day: EARLY; on the due day before the due time: ON_TIME; after it: LATE
        assertThat(finished(at("2026-05-05T10:00"), due, List.of()).onTimeOrEarly())
                .isTrue();
        assertThat(finished(at("2026-05-06T16:59"), due, List.of()).onTimeOrEarly())
                .isTrue();
        assertThat(finished(at("2026-05-06T17:00"), due, List.of()).onTimeOrEarly())
                .isTrue();
        assertThat(finished(at("2026-05-06T17:01"), due, List.of()).onTimeOrEarly())
                .isFalse();
    }

    @Test
    void countsWorkingDaysAcrossAWeekendAndAHoliday() {
        // Thursday 23 April 10:00 to Tuesday 5 May 10:00: 6 h, 8 h (Fri), weekend, 3 × 8 h (Mon-Wed),
        // the two holidays, weekend, 2 h (Tue): 48 working hours, 6 working days
        FinishedDossier dossier = finished(at("2026-05-05T10:00"), at("2026-05-08T17:00"), List.of());

        assertThat(dossier.workingTime(CALENDAR)).isEqualTo(Duration.ofHours(48));
        assertThat(dossier.workingTime(new WorkingCalendar(Set.of()))).isEqualTo(Duration.ofHours(64));
        assertThat(RecordFigures.workingDays((int) dossier.workingTime(CALENDAR).toMinutes()))
                .isEqualTo(6.0);
    }

    @Test
    void leavesOutTheWorkingTimeSpentWaitingForTheCitizen() {
        // waiting for documents from Monday 27 April 08:00 to Wednesday 29 April 08:00: 16 working hours
        FinishedDossier dossier = finished(
                at("2026-05-05T10:00"),
                at("2026-05-08T17:00"),
                List.of(new Pause(at("2026-04-27T08:00"), at("2026-04-29T08:00"))));

        assertThat(dossier.workingTime(CALENDAR)).isEqualTo(Duration.ofHours(32));
    }

    @Test
    void takesTheMedianPerPoint() {
        RecordTally tally = new RecordTally(CALENDAR);
        // Thursday 23 April 10:00 plus 1, 2, 3 and 10 working hours; one late
        tally.add(finished("A", at("2026-04-23T11:00"), at("2026-04-24T17:00")));
        tally.add(finished("A", at("2026-04-23T13:00"), at("2026-04-24T17:00")));
        tally.add(finished("A", at("2026-04-23T14:00"), at("2026-04-24T17:00")));
        tally.add(finished("A", at("2026-04-24T12:00"), at("2026-04-23T17:00")));
        tally.add(finished("B", at("2026-04-23T11:00"), at("2026-04-24T17:00")));

        // an even count: the mean of 120 and 180 minutes
        assertThat(tally.of("A")).isEqualTo(new RecordTally.Finished(4, 3, 150));
        assertThat(tally.of("B")).isEqualTo(new RecordTally.Finished(1, 1, 60));
        assertThat(tally.of("C")).isEqualTo(RecordTally.Finished.NONE);
        assertThat(RecordTally.median(new int[] {5, 1, 3}, 3)).isEqualTo(3);
    }

    @Test
    void showsTheTimelinessFromTwentyFinishedDossiersAndNotBelow() {
        PointRecord below = publish(new StoredRecord("A", 40, 19, 17, 960, 0, 0));
        PointRecord at = publish(new StoredRecord("A", 40, 20, 17, 960, 0, 0));

        assertThat(below.timeliness())
                .isEqualTo(new PointRecord.PointTimeliness(19, 20, null, null, null, Withheld.TOO_FEW_FINISHED));
        assertThat(at.timeliness()).isEqualTo(new PointRecord.PointTimeliness(20, 20, 17L, 0.85, 2.0, null));
        assertThat(below.received()).isEqualTo(40);
    }

    @Test
    void showsSatisfactionFromTenRatingsAndNotBelowEachPartOnItsOwn() {
        PointRecord below = publish(new StoredRecord("A", 40, 30, 30, 480, 9, 9));
        PointRecord at = publish(new StoredRecord("A", 40, 30, 30, 480, 10, 9));

        assertThat(below.satisfaction())
                .isEqualTo(new PointRecord.PointSatisfaction(9, 10, null, null, Withheld.TOO_FEW_RATINGS));
        assertThat(below.timeliness().withheld()).isNull();
        assertThat(at.satisfaction()).isEqualTo(new PointRecord.PointSatisfaction(10, 10, 9L, 0.9, null));
        assertThat(RecordFigures.share(2, 3)).isEqualTo(0.667);
    }

    @Test
    void alwaysGivesTheWindowsDates() {
        PointRecord record = publish(new StoredRecord("A", 0, 0, 0, null, 0, 0));
        PointRecord pending = RecordFigures.notYetComputed(at("2026-05-08T09:00"));

        assertThat(record.windowFrom()).isEqualTo(LocalDate.of(2026, 2, 7));
        assertThat(record.windowTo()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(record.timeliness().withheld()).isEqualTo(Withheld.TOO_FEW_FINISHED);
        assertThat(pending.windowFrom()).isEqualTo(LocalDate.of(2026, 2, 7));
        assertThat(pending.computedAt()).isNull();
        assertThat(pending.satisfaction().withheld()).isEqualTo(Withheld.NOT_YET_COMPUTED);
    }

    private static PointRecord publish(StoredRecord stored) {
        Instant to = at("2026-05-08T09:00");
        return RecordFigures.publish(stored, to.minus(RecordFigures.WINDOW), to);
    }

    private static FinishedDossier finished(Instant finishedAt, Instant due, List<Pause> pauses) {
        return new FinishedDossier("A", DossierStatus.RESULT_READY, at("2026-04-23T10:00"), finishedAt, due, pauses);
    }

    private static FinishedDossier finished(String point, Instant finishedAt, Instant due) {
        return new FinishedDossier(point, DossierStatus.RETURNED, at("2026-04-23T10:00"), finishedAt, due, List.of());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
