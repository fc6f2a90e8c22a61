package vn.hanoi.hcc.bff.point;

/**
 * Each point's public service record, read from memory (the {@code pointrecord} feature computes
 * and provides it; the points answer with it without knowing how it is made).
 */
public interface PointRecords {

    /** The point's record as last computed; one saying it is not computed yet when there is none. */
    PointRecord of(String pointId);
}
