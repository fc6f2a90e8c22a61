package vn.hanoi.hcc.bff.pointrecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import vn.hanoi.hcc.bff.point.PointRecord;
import vn.hanoi.hcc.bff.point.PointRecord.PointSatisfaction;
import vn.hanoi.hcc.bff.point.PointRecord.PointTimeliness;
import vn.hanoi.hcc.bff.point.PointRecord.Withheld;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * What a point's counts show publicly: the window, and each figure only when its count reaches
 * the minimum, each part withheld on its own with its reason.
 *
 * <p>The minimums: 20 finished dossiers for the on-time share and the median (below 20 one dossier
 * moves the share by more than 5 points, and the median is one or two dossiers' time); 10 ratings
 * for satisfaction (ratings are voluntary and few: a higher bar would hide it at most ward points,
 * while at 10 one rating moves the share by 10 points, which the count shown beside it says).
 */
final class RecordFigures {

    static final Duration WINDOW = Duration.ofDays(90);
    static final int MINIMUM_FINISHED = 20;
    static final int MINIMUM_RATINGS = 10;

    private RecordFigures() {}

    static PointRecord publish(StoredRecord stored, Instant from, Instant to) {
        boolean timely = stored.finished() >= MINIMUM_FINISHED && stored.medianWorkingMinutes() != null;
        boolean rated = stored.ratings() >= MINIMUM_RATINGS;
        return new PointRecord(
                day(from),
                day(to),
                to,
                stored.received(),
                new PointTimeliness(
                        stored.finished(),
                        MINIMUM_FINISHED,
                        timely ? stored.onTimeOrEarly() : null,
                        timely ? share(stored.onTimeOrEarly(), stored.finished()) : null,
                        timely ? workingDays(stored.medianWorkingMinutes()) : null,
                        timely ? null : Withheld.TOO_FEW_FINISHED),
                new PointSatisfaction(
                        stored.ratings(),
                        MINIMUM_RATINGS,
                        rated ? stored.satisfied() : null,
                        rated ? share(stored.satisfied(), stored.ratings()) : null,
                        rated ? null : Withheld.TOO_FEW_RATINGS));
    }

    /** Before any refresh: the window it will cover, no counts, every part withheld as not yet computed. */
    static PointRecord notYetComputed(Instant now) {
        return new PointRecord(
                day(now.minus(WINDOW)),
                day(now),
                null,
                0,
                new PointTimeliness(0, MINIMUM_FINISHED, null, null, null, Withheld.NOT_YET_COMPUTED),
                new PointSatisfaction(0, MINIMUM_RATINGS, null, null, Withheld.NOT_YET_COMPUTED));
    }

    /** A share to a tenth of a percent. */
    static double share(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 1000.0;
    }

    /** Working minutes as working days (of 8 hours), to a tenth. */
    static double workingDays(int minutes) {
        return Math.round(10.0 * minutes / WorkingCalendar.WORKING_DAY.toMinutes()) / 10.0;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingCalendar.ZONE);
    }
}
