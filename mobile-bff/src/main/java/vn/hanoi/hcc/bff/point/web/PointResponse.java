package vn.hanoi.hcc.bff.point.web;

import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;

/** A service point as the API shows it. */
record PointResponse(
        String id,
        String name,
        PointType type,
        String address,
        String wardCode,
        String wardName,
        String branchGroup,
        double lat,
        double lon,
        CoordinateQuality coordinateQuality,
        OpeningHours openingHours,
        String note,
        boolean active) {

    static PointResponse of(ServicePoint point) {
        return new PointResponse(point.id(), point.name(), point.type(), point.address(), point.wardCode(),
                point.wardName(), point.branchGroup(), point.lat(), point.lon(), point.coordinateQuality(),
                point.openingHours(), point.note(), point.active());
    }
}
