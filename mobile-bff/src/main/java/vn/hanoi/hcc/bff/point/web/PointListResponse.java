package vn.hanoi.hcc.bff.point.web;

import java.util.List;

/** The points matching a listing's filter, with their number. */
record PointListResponse(int count, List<PointResponse> points) {

    static PointListResponse of(List<PointResponse> points) {
        return new PointListResponse(points.size(), points);
    }
}
