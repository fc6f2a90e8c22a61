package vn.hanoi.hcc.bff.point;

/**
 * A point and its geodesic distance from an origin.
 *
 * @param distanceMeters on the WGS84 ellipsoid
 */
public record RankedPoint(ServicePoint point, double distanceMeters) {}
