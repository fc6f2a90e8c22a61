package vn.hanoi.hcc.bff.point.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointRecord;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;

/**
 * A service point as the API shows it.
 *
 * @param record its service record: always for one point, in a list only with {@code record=true}
 */
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
        boolean active,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The point's service record: always for one point, in a list with record=true")
        PointRecord record) {

    static PointResponse of(ServicePoint point) {
        return of(point, null);
    }

    static PointResponse of(ServicePoint point, PointRecord record) {
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
                point.active(),
                record);
    }
}
