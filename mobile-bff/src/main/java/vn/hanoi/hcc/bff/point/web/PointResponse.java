package vn.hanoi.hcc.bff.point.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;

/** A service point as the API shows it. */
record PointResponse(
        String id,
        String name,
        PointType type,
        @Schema(types = {"string", "null"}) String address,
        @Schema(types = {"string", "null"}) String wardCode,
        @Schema(types = {"string", "null"}) String wardName,
        @Schema(types = {"string", "null"}) String branchGroup,
        double lat,
        double lon,
        CoordinateQuality coordinateQuality,
        OpeningHours openingHours,
        @Schema(types = {"string", "null"}) String note,
        boolean active) {

    static PointResponse of(ServicePoint point) {
        return new PointResponse(
                point.id(),
                point.name(),
                point.type(),
                point.address(),
                point.wardCode(),
                point.wardName(),
                point.branchGroup(),
                point.lat(),
                point.lon(),
                point.coordinateQuality(),
                point.openingHours(),
                point.note(),
                point.active());
    }
}
