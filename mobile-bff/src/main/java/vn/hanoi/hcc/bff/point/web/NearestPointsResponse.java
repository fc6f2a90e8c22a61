package vn.hanoi.hcc.bff.point.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.NearbyPoint;
import vn.hanoi.hcc.bff.point.NearestPoints;
import vn.hanoi.hcc.bff.point.PointRecord;
import vn.hanoi.hcc.bff.point.PointRecords;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.routing.Estimate;
import vn.hanoi.hcc.bff.routing.RoadGraph;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * {@code GET /api/v1/points/nearest}, as the product contract lays it out.
 *
 * @param attribution the road data's credit (OpenStreetMap, ODbL) when any time came from it; absent otherwise
 */
record NearestPointsResponse(
        Origin origin,
        TravelMode mode,
        TravelProperties.Target target,
        boolean withinTarget,
        List<Nearby> points,
        @JsonInclude(JsonInclude.Include.NON_NULL) String attribution) {

    record Origin(double lat, double lon) {}

    /**
     * @param distanceKm geodesic, to the metre
     * @param travelMinutes to a tenth of a minute
     */
    record Nearby(
            String id,
            String name,
            PointType type,
            @Schema(types = {"string", "null"}) String address,
            @Schema(types = {"string", "null"}) String wardCode,
            double lat,
            double lon,
            CoordinateQuality coordinateQuality,
            double distanceKm,
            double travelMinutes,
            Estimate estimate,
            boolean withinTarget,
            boolean openNow,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The point's service record, with record=true only")
            PointRecord record) {

        static Nearby of(NearbyPoint nearby, PointRecords records) {
            var point = nearby.point();
            return new Nearby(
                    point.id(),
                    point.name(),
                    point.type(),
                    point.address(),
                    point.wardCode(),
                    point.lat(),
                    point.lon(),
                    point.coordinateQuality(),
                    Math.round(nearby.distanceMeters()) / 1000.0,
                    Math.round(nearby.travel().minutes() * 10) / 10.0,
                    nearby.travel().estimate(),
                    nearby.withinTarget(),
                    nearby.openNow(),
                    records == null ? null : records.of(point.id()));
        }
    }

    /** The answer; each point with its record when {@code records} is given. */
    static NearestPointsResponse of(NearestPoints answer, PointRecords records) {
        return new NearestPointsResponse(
                new Origin(
                        answer.query().origin().lat(), answer.query().origin().lon()),
                answer.query().mode(),
                answer.target(),
                answer.withinTarget(),
                answer.points().stream()
                        .map(nearby -> Nearby.of(nearby, records))
                        .toList(),
                answer.points().stream().anyMatch(nearby -> nearby.travel().estimate() == Estimate.ROAD)
                        ? RoadGraph.ATTRIBUTION
                        : null);
    }
}
