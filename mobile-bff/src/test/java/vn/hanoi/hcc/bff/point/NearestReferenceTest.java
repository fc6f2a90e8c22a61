package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.routing.TravelMode;

/**
 * The nearest-point search against an independent reference: for 1,000 random origins over
 * Hanoi, every active point (as the public list gives them) ranked by brute force on GeographicLib's
 * geodesic distance (Karney's algorithm), compared with what the index and the service answer.
 */
class NearestReferenceTest extends BffIntegrationTest {

    private static final int ORIGINS = 1_000;
    private static final double SOUTH = 20.53;
    private static final double NORTH = 21.42;
    private static final double WEST = 105.27;
    private static final double EAST = 106.03;

    @Autowired
    private NearestPointService service;

    private record Reference(String id, double meters) {}

    @Test
    void ranksLikeABruteForceOnGeographicLibForAThousandOrigins() {
        List<Map<String, Object>> points = activePoints();
        Random random = new Random(20_251_122);
        for (int i = 0; i < ORIGINS; i++) {
            LatLon origin = new LatLon(
                    SOUTH + random.nextDouble() * (NORTH - SOUTH), WEST + random.nextDouble() * (EAST - WEST));
            List<Reference> expected = bruteForce(origin, points).subList(0, NearestQuery.MAX_LIMIT);

            NearestPoints answer = service.nearest(new NearestQuery(
                            origin, TravelMode.MOTORBIKE, NearestQuery.MAX_LIMIT, false, Optional.empty()))
                    .block(Duration.ofSeconds(5));

            assertThat(answer.points())
                    .as("origin %s", origin)
                    .extracting(nearby -> nearby.point().id())
                    .containsExactlyElementsOf(
                            expected.stream().map(Reference::id).toList());
            for (int rank = 0; rank < expected.size(); rank++) {
                double reference = expected.get(rank).meters();
                assertThat(answer.points().get(rank).distanceMeters())
                        .as("origin %s, rank %d", origin, rank)
                        .isCloseTo(reference, within(reference * 0.001));
            }
        }
    }

    private static List<Reference> bruteForce(LatLon origin, List<Map<String, Object>> points) {
        return points.stream()
                .map(point -> new Reference(
                        (String) point.get("id"),
                        Geodesic.WGS84.Inverse(
                                        origin.lat(),
                                        origin.lon(),
                                        ((Number) point.get("lat")).doubleValue(),
                                        ((Number) point.get("lon")).doubleValue())
                                .s12))
                .sorted(Comparator.comparingDouble(Reference::meters).thenComparing(Reference::id))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> activePoints() {
        Map<String, Object> body = web.get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        List<Map<String, Object>> points = (List<Map<String, Object>>) body.get("points");
        assertThat(points).hasSizeGreaterThan(NearestQuery.MAX_LIMIT);
        return points;
    }
}
