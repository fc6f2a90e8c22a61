package vn.hanoi.hcc.bff.point;

import vn.hanoi.hcc.bff.routing.TravelTime;

/**
 * A point in a nearest-point answer.
 *
 * @param distanceMeters geodesic, on the WGS84 ellipsoid
 * @param withinTarget within the target distance or the target time
 * @param openNow open at the moment of asking (hours and holidays)
 */
public record NearbyPoint(
        ServicePoint point, double distanceMeters, TravelTime travel, boolean withinTarget, boolean openNow) {}
