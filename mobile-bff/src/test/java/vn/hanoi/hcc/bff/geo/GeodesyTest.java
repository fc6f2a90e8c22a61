package vn.hanoi.hcc.bff.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;

class GeodesyTest {

    @Test
    void agreesWithGeographicLibToAMillimetreOverVietnamAndBeyond() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double lat1 = 8 + random.nextDouble() * 16;
            double lon1 = 102 + random.nextDouble() * 8;
            double lat2 = -60 + random.nextDouble() * 120;
            double lon2 = -180 + random.nextDouble() * 360;
            double reference = Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
            // Vincenty converges everywhere but near the antipode, where the sphere answers within 0.5 %
            double tolerance = Math.abs(lon2 - lon1) > 170 && Math.abs(lat1 + lat2) < 5 ? reference * 0.005 : 0.001;
            assertThat(Geodesy.distanceMeters(lat1, lon1, lat2, lon2))
                    .as("%f,%f to %f,%f", lat1, lon1, lat2, lon2)
                    .isCloseTo(reference, within(tolerance));
        }
    }

    @Test
    void boundsHoldEveryPositionWithinTheDistance() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            double lat = -80 + random.nextDouble() * 160;
            double lon = -180 + random.nextDouble() * 360;
            double bearing = random.nextDouble() * 360;
            double meters = random.nextDouble() * 2_000_000;
            var destination = Geodesic.WGS84.Direct(lat, lon, bearing, meters);
            double latSpan = Geodesy.latitudeSpan(meters);
            assertThat(Math.abs(destination.lat2 - lat)).isLessThanOrEqualTo(latSpan);
            double maxAbsLat = Math.min(90, Math.max(Math.abs(lat - latSpan), Math.abs(lat + latSpan)));
            double lonDifference = Math.abs(((destination.lon2 - lon) % 360 + 540) % 360 - 180);
            assertThat(lonDifference).isLessThanOrEqualTo(Geodesy.longitudeSpan(meters, maxAbsLat));
        }
    }

    @Test
    void theChordNeverExceedsTheGeodesicAndIsCloseToItNearby() {
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            double lat1 = -85 + random.nextDouble() * 170;
            double lon1 = -180 + random.nextDouble() * 360;
            var destination =
                    Geodesic.WGS84.Direct(lat1, lon1, random.nextDouble() * 360, random.nextDouble() * 50_000);
            double chord =
                    Geodesy.chord(Geodesy.cartesian(lat1, lon1), Geodesy.cartesian(destination.lat2, destination.lon2));
            assertThat(chord).isLessThanOrEqualTo(destination.s12 + 1e-6).isGreaterThan(destination.s12 * 0.9999);
        }
    }

    @Test
    void isZeroForOnePlace() {
        assertThat(Geodesy.distanceMeters(21.0285, 105.8542, 21.0285, 105.8542)).isZero();
    }
}
