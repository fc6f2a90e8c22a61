package vn.hanoi.hcc.bff.pointrecord;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * Finished dossiers added up per point: how many, how many on time or early, and the median
 * working time from receipt to result. Not thread-safe: one refresh fills one tally.
 */
final class RecordTally {

    /** One point's finished dossiers. */
    record Finished(long count, long onTimeOrEarly, Integer medianWorkingMinutes) {

        static final Finished NONE = new Finished(0, 0, null);
    }

    private final WorkingCalendar calendar;
    private final Map<String, PointTally> points = new HashMap<>();

    RecordTally(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    RecordTally add(FinishedDossier dossier) {
        PointTally point = points.computeIfAbsent(dossier.pointId(), id -> new PointTally());
        point.add(dossier.onTimeOrEarly(), (int) dossier.workingTime(calendar).toMinutes());
        return this;
    }

    Finished of(String pointId) {
        PointTally point = points.get(pointId);
        return point == null ? Finished.NONE : point.finished();
    }

    /** The median of the values, the mean of the middle two (rounded down) for an even count; null for none. */
    static Integer median(int[] values, int count) {
        if (count == 0) {
            return null;
        }
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (int) (((long) sorted[middle - 1] + sorted[middle]) / 2);
    }

    private static final class PointTally {

        private int[] minutes = new int[16];
        private int count;
        private long onTimeOrEarly;

        void add(boolean inTime, int workingMinutes) {
            if (count == minutes.length) {
                minutes = Arrays.copyOf(minutes, count * 2);
            }
            minutes[count++] = workingMinutes;
            if (inTime) {
                onTimeOrEarly++;
            }
        }

        Finished finished() {
            return new Finished(count, onTimeOrEarly, median(minutes, count));
        }
    }
}
