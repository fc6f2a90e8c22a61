package vn.hanoi.hcc.bff.geo;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A GeoJSON MultiPolygon (RFC 7946: WGS84, positions as [lon, lat]) as read by Jackson, and its
 * JTS geometry (x = longitude, y = latitude).
 */
public record GeoJsonMultiPolygon(String type, List<List<List<List<Double>>>> coordinates) {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public MultiPolygon toGeometry() {
        if (!"MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("Not a MultiPolygon: " + type);
        }
        return WGS84.createMultiPolygon(
                coordinates.stream().map(GeoJsonMultiPolygon::polygon).toArray(Polygon[]::new));
    }

    private static Polygon polygon(List<List<List<Double>>> rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = rings.subList(1, rings.size()).stream()
                .map(GeoJsonMultiPolygon::ring)
                .toArray(LinearRing[]::new);
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(List<List<Double>> positions) {
        return WGS84.createLinearRing(positions.stream()
                .map(position -> new Coordinate(position.get(0), position.get(1)))
                .toArray(Coordinate[]::new));
    }
}
