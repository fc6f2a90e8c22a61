package vn.hanoi.hcc.bff.worktime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The Center's working time: Monday to Friday, 08:00–12:00 and 13:00–17:00 in Asia/Ho_Chi_Minh
 * (eight working hours a day, the civil service's hours), less the public holidays it is given (the
 * point network's, which the Center edits). Immutable; a new holiday list makes a new calendar.
 *
 * <p>Time outside working hours does not count: a dossier received on Friday at 16:00 has spent one
 * working hour by Monday 09:00, and a due time that falls inside a holiday is reached at the
 * holiday's start in working time.
 */
public final class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One working day's hours. */
    public static final Duration WORKING_DAY = Duration.ofHours(8);

    private static final List<LocalTime[]> HOURS = List.of(
            new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(12, 0)},
            new LocalTime[] {LocalTime.of(13, 0), LocalTime.of(17, 0)});
    /** No search runs further than this: a longer span is a mistake, not a forecast. */
    private static final int MAX_DAYS = 20 * 366;

    private final Set<LocalDate> holidays;

    public WorkingCalendar(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The working time from one instant to another; zero when the second is not after the first. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZONE);
        if (start.toLocalDate().plusDays(MAX_DAYS).isBefore(end.toLocalDate())) {
            throw new IllegalArgumentException("A span of more than " + MAX_DAYS + " days: " + from + " to " + to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (LocalTime[] hours : HOURS) {
                LocalDateTime opens = max(day.atTime(hours[0]), start);
                LocalDateTime closes = min(day.atTime(hours[1]), end);
                if (closes.isAfter(opens)) {
                    total = total.plus(Duration.between(opens, closes));
                }
            }
        }
        return total;
    }

    /**
     * The instant by which this much working time has passed after the start: the earliest instant
     * t with {@code between(start, t)} equal to it (the start itself for none).
     */
    public Instant plus(Instant start, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("Negative working time: " + working);
        }
        if (working.isZero()) {
            return start;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, ZONE);
        Duration left = working;
        LocalDate first = cursor.toLocalDate();
        for (LocalDate day = first; !day.isAfter(first.plusDays(MAX_DAYS)); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (LocalTime[] hours : HOURS) {
                LocalDateTime opens = max(day.atTime(hours[0]), cursor);
                LocalDateTime closes = day.atTime(hours[1]);
                if (!closes.isAfter(opens)) {
                    continue;
                }
                Duration open = Duration.between(opens, closes);
                if (left.compareTo(open) <= 0) {
                    return opens.plus(left).atZone(ZONE).toInstant();
                }
                left = left.minus(open);
            }
        }
        throw new IllegalArgumentException("More than " + MAX_DAYS + " days of working time: " + working);
    }

    /** The working day this many working days after the given day (the day itself for none). */
    public LocalDate plusWorkingDays(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Negative working days: " + days);
        }
        LocalDate result = day;
        for (int counted = 0; counted < days; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    /** Whether this instant lies in working hours. */
    public boolean isWorkingMoment(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZONE);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return HOURS.stream().anyMatch(hours -> !time.isBefore(hours[0]) && time.isBefore(hours[1]));
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
