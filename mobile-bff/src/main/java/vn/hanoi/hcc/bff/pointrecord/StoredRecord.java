package vn.hanoi.hcc.bff.pointrecord;

/**
 * One row of {@code point_record}: a point's counts over the window, whatever their size (the
 * minimums apply when they are shown, {@link RecordFigures}).
 *
 * @param medianWorkingMinutes null when nothing finished
 */
record StoredRecord(
        String pointId,
        long received,
        long finished,
        long onTimeOrEarly,
        Integer medianWorkingMinutes,
        long ratings,
        long satisfied) {}
