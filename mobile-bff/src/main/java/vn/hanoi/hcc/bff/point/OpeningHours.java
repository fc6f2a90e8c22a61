package vn.hanoi.hcc.bff.point;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A point's weekly opening hours, in the Center's time zone (Asia/Ho_Chi_Minh).
 *
 * @param weekly the opening intervals, a day having none, one or several (morning and afternoon)
 */
public record OpeningHours(List<Interval> weekly) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public OpeningHours {
        weekly = List.copyOf(weekly);
    }

    /** Whether the point is open at this local time of the Center's zone (holidays aside). */
    public boolean isOpenAt(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        return weekly.stream()
                .anyMatch(interval -> interval.day() == local.getDayOfWeek()
                        && !time.isBefore(interval.opens())
                        && time.isBefore(interval.closes()));
    }

    /** The zone the times are in, stated in every answer. */
    @JsonProperty("timezone")
    public String timezone() {
        return ZONE.getId();
    }

    /** One opening interval: open from {@code opens} (inclusive) to {@code closes} (exclusive). */
    public record Interval(
            DayOfWeek day,
            @JsonFormat(pattern = "HH:mm") LocalTime opens,
            @JsonFormat(pattern = "HH:mm") LocalTime closes) {

        public Interval {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("An interval must open before it closes: " + opens + "-" + closes);
            }
        }
    }
}
