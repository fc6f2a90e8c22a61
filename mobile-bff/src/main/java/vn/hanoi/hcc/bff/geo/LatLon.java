package vn.hanoi.hcc.bff.geo;

/**
 * A position in WGS84 degrees.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a WGS84 position: " + lat + ", " + lon);
        }
    }
}
