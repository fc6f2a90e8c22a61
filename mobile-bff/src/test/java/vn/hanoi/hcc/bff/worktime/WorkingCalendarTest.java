package vn.hanoi.hcc.bff.worktime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** 2026: National Day, 1–2 September (Tuesday, Wednesday). */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));

    private final WorkingCalendar calendar = new WorkingCalendar(HOLIDAYS);

    @Test
    void countsTheHoursOfWorkingDaysOnly() {
        // Friday 16:00 to Monday 09:00: one hour on Friday, one on Monday, none at the weekend
        assertThat(calendar.between(at("2026-08-21T16:00"), at("2026-08-24T09:00")))
                .isEqualTo(Duration.ofHours(2));
        // the lunch hour is not working time
        assertThat(calendar.between(at("2026-08-24T11:00"), at("2026-08-24T14:00")))
                .isEqualTo(Duration.ofHours(2));
        // a whole week: five days of eight hours
        assertThat(calendar.between(at("2026-08-24T00:00"), at("2026-08-31T00:00")))
                .isEqualTo(Duration.ofHours(40));
        assertThat(calendar.between(at("2026-08-24T10:00"), at("2026-08-24T10:00")))
                .isZero();
        assertThat(calendar.between(at("2026-08-24T10:00"), at("2026-08-24T09:00")))
                .isZero();
    }

    @Test
    void skipsPublicHolidaysAndReachesADueTimeInsideOneAtItsStart() {
        // Monday 31 August 17:00 to Thursday 3 September 08:00: the holidays count for nothing
        assertThat(calendar.between(at("2026-08-31T16:00"), at("2026-09-03T09:00")))
                .isEqualTo(Duration.ofHours(2));
        // a due time in the middle of a holiday is no later, in working time, than the holiday's start
        assertThat(calendar.between(at("2026-08-31T08:00"), at("2026-09-01T15:00")))
                .isEqualTo(calendar.between(at("2026-08-31T08:00"), at("2026-09-01T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 3))).isTrue();
    }

    @Test
    void addsWorkingTimeAcrossWeekendsAndHolidays() {
        // Friday 28 August 16:00 + 2 hours: one hour on Friday, the weekend skipped, one on Monday
        assertThat(calendar.plus(at("2026-08-28T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-08-31T09:00"));
        // Monday 31 August 16:00 + 2 hours: one on Monday, then Thursday 3 September after the holidays
        assertThat(calendar.plus(at("2026-08-31T16:00"), Duration.ofHours(2))).isEqualTo(at("2026-09-03T09:00"));
        // outside working hours the count starts at the next working moment
        assertThat(calendar.plus(at("2026-08-24T12:30"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-08-24T13:30"));
        // the end of a working period, not the start of the next one
        assertThat(calendar.plus(at("2026-08-24T08:00"), Duration.ofHours(4))).isEqualTo(at("2026-08-24T12:00"));
        assertThat(calendar.plus(at("2026-08-24T10:00"), Duration.ZERO)).isEqualTo(at("2026-08-24T10:00"));
        assertThatThrownBy(() -> calendar.plus(at("2026-08-24T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plusAndBetweenAgreeEverywhere() {
        Random random = new Random(17);
        Instant base = at("2026-08-01T00:00");
        for (int i = 0; i < 2_000; i++) {
            Instant start = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
            Duration working = Duration.ofMinutes(1 + random.nextInt(60 * 8 * 30));
            Instant end = calendar.plus(start, working);
            assertThat(calendar.between(start, end))
                    .as("from %s, %s", start, working)
                    .isEqualTo(working);
            assertThat(calendar.between(start, end.minusSeconds(60)))
                    .as("nothing earlier reaches it")
                    .isLessThan(working);
        }
    }

    @Test
    void countsWorkingDays() {
        // Friday 28 August + 2 working days: Monday 31 August, then Thursday 3 September
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 8, 28), 2)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 8, 28), 0)).isEqualTo(LocalDate.of(2026, 8, 28));
        assertThat(calendar.isWorkingMoment(at("2026-08-24T12:30"))).isFalse();
        assertThat(calendar.isWorkingMoment(at("2026-08-24T13:00"))).isTrue();
        assertThat(calendar.isWorkingMoment(at("2026-09-01T10:00"))).isFalse();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
