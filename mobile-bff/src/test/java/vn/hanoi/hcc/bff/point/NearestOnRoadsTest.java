package vn.hanoi.hcc.bff.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.routing.Estimate;
import vn.hanoi.hcc.bff.routing.RoadFixture;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelTimes;

/**
 * The nearest query on real roads never misses the quickest point: 80 synthetic points placed on
 * the roads of the real extract of central Hanoi (far denser than the city's points, so detours
 * matter more), 200 origins on its roads, and for each one the service's answer against a brute
 * force that routes to every point. A fixed shortlist of the 15 nearest by distance failed it.
 */
class NearestOnRoadsTest {

    private static final int POINTS = 80;
    private static final int ORIGINS = 200;
    /** A Monday, 10:00 in Hanoi: no rush hour. */
    private static final Clock MID_MORNING = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void theShortlistByDistanceAlwaysHoldsTheQuickestPointsOnTheRoads() {
        Random random = new Random(20_261_207);
        for (TravelMode mode : List.of(TravelMode.MOTORBIKE, TravelMode.WALK)) {
            List<ServicePoint> points = new ArrayList<>();
            List<LatLon> positions = RoadFixture.onRoads(random, POINTS, mode, 25);
            for (int i = 0; i < positions.size(); i++) {
                points.add(point("P" + i, positions.get(i)));
            }
            PointSnapshot snapshot = new PointSnapshot(1, points, Set.of(), List.of());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            TravelTimes travel = RoadFixture.travelTimes(meters);
            NearestPointService service =
                    new NearestPointService(fixed(snapshot), travel, RoadFixture.heuristic(), MID_MORNING, meters);

            for (LatLon origin : RoadFixture.onRoads(random, ORIGINS, mode, 25)) {
                List<Double> bruteForce =
                        RoadFixture.engine().seconds(mode, origin, positions).block(Duration.ofSeconds(30));
                List<Integer> quickest = IntStream.range(0, POINTS)
                        .boxed()
                        .sorted(Comparator.comparingDouble(bruteForce::get))
                        .toList();

                for (int limit : List.of(1, 5)) {
                    NearestPoints answer = service.nearest(
                                    new NearestQuery(origin, mode, limit, false, Optional.empty()))
                            .block(Duration.ofSeconds(30));
                    assertThat(answer.points())
                            .as("%s from %s, limit %d", mode, origin, limit)
                            .allSatisfy(nearby ->
                                    assertThat(nearby.travel().estimate()).isEqualTo(Estimate.ROAD));
                    // the same seconds as the brute force's best, whichever point ties for them
                    List<Double> answered = answer.points().stream()
                            .map(nearby -> bruteForce.get(
                                    Integer.parseInt(nearby.point().id().substring(1))))
                            .toList();
                    List<Double> best = quickest.subList(0, limit).stream()
                            .map(bruteForce::get)
                            .toList();
                    assertThat(answered)
                            .as("%s from %s, limit %d", mode, origin, limit)
                            .isEqualTo(best);
                }
            }
        }
    }

    private static PointIndex fixed(PointSnapshot snapshot) {
        return new PointIndex(null) {
            @Override
            public Mono<PointSnapshot> snapshot() {
                return Mono.just(snapshot);
            }
        };
    }

    private static ServicePoint point(String id, LatLon position) {
        return ServicePoint.proposed(id, PointType.WARD_POINT, id, position);
    }
}
