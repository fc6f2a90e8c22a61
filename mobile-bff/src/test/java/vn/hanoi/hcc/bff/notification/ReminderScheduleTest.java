package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

class ReminderScheduleTest {

    /** The defaults of config/mobile-bff/application.yml. */
    static final ReminderProperties DEFAULTS = readingPagesOf(200);

    /** The defaults, with pages of this many candidates. */
    static ReminderProperties readingPagesOf(int batchSize) {
        return new ReminderProperties(
                true,
                3,
                Duration.ofDays(7),
                3,
                Duration.ofDays(30),
                LocalTime.of(21, 0),
                LocalTime.of(7, 0),
                Duration.ofMinutes(1),
                batchSize);
    }

    /** Monday 2 September 2019, National Day. */
    static final LocalDate NATIONAL_DAY = LocalDate.of(2019, 9, 2);

    private final ReminderSchedule schedule = new ReminderSchedule(DEFAULTS);
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(NATIONAL_DAY));

    static Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void remindsFirstAfterThreeWorkingDaysSkippingTheWeekendAndAHoliday() {
        // Friday 10:00; Saturday, Sunday and the Monday holiday do not count: Tue, Wed, Thu
        assertThat(schedule.nextDue(calendar, hanoi("2019-08-30T10:00"), 0, null))
                .contains(hanoi("2019-09-05T10:00"));
        // without the holiday, a day sooner
        assertThat(schedule.nextDue(new WorkingCalendar(Set.of()), hanoi("2019-08-30T10:00"), 0, null))
                .contains(hanoi("2019-09-04T10:00"));
    }

    @Test
    void aWaitBegunAfterHoursCountsFromTheNextMorning() {
        // Tuesday 19:00: Wednesday, Thursday, Friday, the third ending at 17:00
        assertThat(schedule.nextDue(calendar, hanoi("2019-08-27T19:00"), 0, null))
                .contains(hanoi("2019-08-30T17:00"));
    }

    @Test
    void repeatsAWeekAfterTheLastReminderAndStopsAtTheCap() {
        Instant since = hanoi("2019-08-30T10:00");
        Instant first = hanoi("2019-09-05T10:00");

        assertThat(schedule.nextDue(calendar, since, 1, first)).contains(first.plus(Duration.ofDays(7)));
        // held overnight, the second went at 07:00: the third a week after that, not after its due time
        Instant heldSecond = hanoi("2019-09-13T07:00");
        assertThat(schedule.nextDue(calendar, since, 2, heldSecond)).contains(heldSecond.plus(Duration.ofDays(7)));
        assertThat(schedule.nextDue(calendar, since, 3, hanoi("2019-09-19T10:00")))
                .isEmpty();
    }

    @Test
    void remindsOfNoWaitOlderThanTheWindow() {
        Instant since = hanoi("2019-08-01T10:00");
        // a reminder due on day 30 or later is never sent
        assertThat(schedule.nextDue(calendar, since, 1, hanoi("2019-08-24T10:00")))
                .isEmpty();
        assertThat(schedule.nextDue(calendar, since, 1, hanoi("2019-08-23T09:59")))
                .contains(hanoi("2019-08-30T09:59"));
    }

    @Test
    void isQuietFromNineInTheEveningToSevenInTheMorningHanoiTime() {
        assertThat(schedule.isQuiet(hanoi("2019-09-05T20:59:59"))).isFalse();
        assertThat(schedule.isQuiet(hanoi("2019-09-05T21:00"))).isTrue();
        assertThat(schedule.isQuiet(hanoi("2019-09-06T00:30"))).isTrue();
        assertThat(schedule.isQuiet(hanoi("2019-09-06T06:59:59"))).isTrue();
        assertThat(schedule.isQuiet(hanoi("2019-09-06T07:00"))).isFalse();
        // 21:00 in Hanoi is 14:00 UTC: the zone is Hanoi's, whatever the server's
        assertThat(schedule.isQuiet(Instant.parse("2019-09-05T14:00:00Z"))).isTrue();
    }

    @Test
    void theScansBoundsNeverLeaveOutADueReminder() {
        Instant now = hanoi("2019-09-05T10:00");
        // the earliest a first reminder can be due: a morning's opening to the third day's closing
        Instant since = hanoi("2019-09-03T08:00");
        assertThat(schedule.nextDue(calendar, since, 0, null)).contains(hanoi("2019-09-05T17:00"));
        assertThat(schedule.waitingBefore(hanoi("2019-09-05T17:00"))).isAfterOrEqualTo(since);
        assertThat(schedule.waitingAfter(now)).isEqualTo(now.minus(Duration.ofDays(30)));
        assertThat(schedule.lastSentBefore(now)).isEqualTo(now.minus(Duration.ofDays(7)));
    }

    @Test
    void aRetryThatWouldFallInTheQuietHoursWaitsUntilTheyEnd() {
        Duration tenSeconds = Duration.ofSeconds(10);
        // before them, ending before them: unchanged
        assertThat(schedule.retryOutsideQuietHours(hanoi("2019-09-05T20:59:40"), tenSeconds))
                .isEqualTo(tenSeconds);
        // ending at 21:00 sharp: until 07:00 the next morning
        assertThat(schedule.retryOutsideQuietHours(hanoi("2019-09-05T20:59:50"), tenSeconds))
                .isEqualTo(Duration.between(hanoi("2019-09-05T20:59:50"), hanoi("2019-09-06T07:00")));
        // after midnight: until 07:00 the same morning
        assertThat(schedule.retryOutsideQuietHours(hanoi("2019-09-06T02:00"), Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofHours(5));
        // ending at 07:00 sharp, or after: unchanged
        assertThat(schedule.retryOutsideQuietHours(hanoi("2019-09-06T06:59:50"), tenSeconds))
                .isEqualTo(tenSeconds);
        assertThat(schedule.retryOutsideQuietHours(hanoi("2019-09-06T06:50"), Duration.ofMinutes(30)))
                .isEqualTo(Duration.ofMinutes(30));
    }
}
