package vn.hanoi.hcc.bff.point.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.error.Problem.InvalidParam;
import vn.hanoi.hcc.bff.input.TextPatterns;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointDraft;
import vn.hanoi.hcc.bff.point.PointType;

/** {@code PUT /api/v1/ops/points/{id}}: the whole point as it should be. */
record PutPointRequest(
        @NotNull PointType type,

        @NotBlank @Size(max = 300) @Pattern(regexp = TextPatterns.LINE)
        String name,

        @Size(max = 500) @Pattern(regexp = TextPatterns.LINE)
        String address,

        @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit ward code")
        String wardCode,

        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull CoordinateQuality coordinateQuality,
        @NotNull @Size(max = 28) List<@Valid @NotNull OpeningInterval> openingHours,

        @Size(max = 1000) @Pattern(regexp = TextPatterns.TEXT)
        String note,

        @NotNull Boolean active) {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** One opening interval, times as {@code HH:mm} in Asia/Ho_Chi_Minh. */
    record OpeningInterval(
            @NotNull DayOfWeek day,

            @NotNull @Pattern(regexp = TIME, message = "must be HH:mm")
            String opens,

            @NotNull @Pattern(regexp = TIME, message = "must be HH:mm")
            String closes) {}

    /** The draft, once the intervals are checked against each other. */
    PointDraft toDraft() {
        List<OpeningHours.Interval> intervals = new ArrayList<>();
        List<InvalidParam> errors = new ArrayList<>();
        for (int i = 0; i < openingHours.size(); i++) {
            OpeningInterval interval = openingHours.get(i);
            LocalTime opens = LocalTime.parse(interval.opens());
            LocalTime closes = LocalTime.parse(interval.closes());
            String name = "openingHours[" + i + "]";
            if (!opens.isBefore(closes)) {
                errors.add(new InvalidParam(name, "must open before it closes"));
            } else if (intervals.stream()
                    .anyMatch(other -> other.day() == interval.day()
                            && opens.isBefore(other.closes())
                            && other.opens().isBefore(closes))) {
                errors.add(new InvalidParam(name, "overlaps another interval of the same day"));
            } else {
                intervals.add(new OpeningHours.Interval(interval.day(), opens, closes));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new PointDraft(
                type,
                name.strip(),
                blankToNull(address),
                wardCode,
                lat,
                lon,
                coordinateQuality,
                new OpeningHours(intervals),
                blankToNull(note),
                active);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
