package vn.hanoi.hcc.bff.coverage;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * Deterministic, evenly spread positions inside a polygon: the Halton sequence (bases 2 and 3)
 * over its bounding box, keeping the points that fall inside. The same polygon always gives the
 * same samples, so the same network always gives the same report.
 */
final class WardSampler {

    private static final int MAX_TRIES_PER_SAMPLE = 200;

    private WardSampler() {}

    /** How many samples a ward of this area gets under these settings. */
    static int count(double areaKm2, CoverageProperties settings) {
        int count = (int) Math.round(areaKm2 * settings.samplesPerKm2());
        return Math.max(settings.minSamplesPerWard(), Math.min(settings.maxSamplesPerWard(), count));
    }

    static List<LatLon> sample(Geometry boundary, int count) {
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(boundary);
        Envelope box = boundary.getEnvelopeInternal();
        List<LatLon> samples = new ArrayList<>(count);
        for (int index = 1; samples.size() < count && index <= count * MAX_TRIES_PER_SAMPLE; index++) {
            double lon = box.getMinX() + halton(index, 2) * box.getWidth();
            double lat = box.getMinY() + halton(index, 3) * box.getHeight();
            if (inside.locate(new Coordinate(lon, lat)) != Location.EXTERIOR) {
                samples.add(new LatLon(lat, lon));
            }
        }
        if (samples.isEmpty()) {
            Coordinate interior = boundary.getInteriorPoint().getCoordinate();
            samples.add(new LatLon(interior.y, interior.x));
        }
        return samples;
    }

    /** The index-th element of the van der Corput sequence in this base, in [0, 1). */
    static double halton(int index, int base) {
        double result = 0;
        double fraction = 1.0 / base;
        for (int rest = index; rest > 0; rest /= base) {
            result += fraction * (rest % base);
            fraction /= base;
        }
        return result;
    }
}
