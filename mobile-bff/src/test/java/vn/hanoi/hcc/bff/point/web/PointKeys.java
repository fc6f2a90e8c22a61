package vn.hanoi.hcc.bff.point.web;

import java.util.Set;

/** The keys of a point in the nearest answer, as the contract names them (without the record option). */
public final class PointKeys {

    public static final Set<String> NEARBY = Set.of(
            "id",
            "name",
            "type",
            "address",
            "wardCode",
            "lat",
            "lon",
            "coordinateQuality",
            "distanceKm",
            "travelMinutes",
            "estimate",
            "withinTarget",
            "openNow");

    private PointKeys() {}
}
