package vn.hanoi.hcc.bff.seed;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** Finds the ward whose polygon contains a coordinate. */
final class WardLocator {

    private final GeometryFactory geometry = new GeometryFactory();
    private final List<Located> wards;

    WardLocator(List<SeedWard> wards) {
        this.wards = wards.stream()
                .map(ward -> new Located(ward, PreparedGeometryFactory.prepare(ward.boundary())))
                .toList();
    }

    Optional<SeedWard> locate(double lat, double lon) {
        Point point = geometry.createPoint(new Coordinate(lon, lat));
        return wards.stream()
                .filter(candidate -> candidate.boundary().covers(point))
                .map(Located::ward)
                .findFirst();
    }

    private record Located(SeedWard ward, PreparedGeometry boundary) {}
}
