package vn.hanoi.hcc.bff.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.RoadFixture;
import vn.hanoi.hcc.bff.routing.RoadGraph;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;
import vn.hanoi.hcc.bff.routing.TravelTimes;

/**
 * Coverage over the roads of the real extract of central Hanoi: a ward drawn over the extract, two
 * points on its roads and one far off it, and a target tight enough (50 m or 3 minutes) that the
 * roads decide. The share covered must match a brute force that routes every sample to every point.
 */
class CoverageOnRoadsTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final LatLon OFF_THE_EXTRACT = new LatLon(21.0265, 105.8080);
    private static final LocalTime MID_MORNING = LocalTime.of(10, 0);

    @Test
    void timesTheSamplesOnTheGraphOverTheRoadsAndMatchesABruteForce() {
        TravelProperties shared = RoadFixture.properties(Duration.ofSeconds(30));
        TravelProperties.Target target = new TravelProperties.Target(0.05, 3);
        HeuristicTravelTimes model = new HeuristicTravelTimes(
                new TravelProperties(target, shared.modes(), shared.engine(), shared.graph(), shared.osrm()));
        TravelTimes travel = TravelTimes.of(model, RoadFixture.engine(), new SimpleMeterRegistry());
        CoverageCalculator calculator = new CoverageCalculator(model, travel);

        List<LatLon> onRoads = RoadFixture.onRoads(new Random(7), 2, TravelMode.MOTORBIKE, 10);
        List<ServicePoint> points =
                List.of(point("A", onRoads.get(0)), point("B", onRoads.get(1)), point("FAR", OFF_THE_EXTRACT));
        MultiPolygon extract = box(RoadFixture.SOUTH, RoadFixture.WEST, RoadFixture.NORTH, RoadFixture.EAST);
        Ward ward = new Ward("00001", "Văn Miếu", 30_000, extract, WardSampler.sample(extract, 300));

        CoverageReport report = calculator.compute(
                List.of(ward), new PointSnapshot(3, points, Set.of(), List.of()), TravelMode.MOTORBIKE, MID_MORNING);

        List<LatLon> placed = new ArrayList<>();
        int covered = 0;
        for (LatLon sample : ward.samples()) {
            if (RoadFixture.engine()
                            .seconds(TravelMode.MOTORBIKE, sample, List.of(sample))
                            .block(Duration.ofSeconds(10))
                            .get(0)
                    != null) {
                placed.add(sample);
            }
            if (bruteForceCovered(sample, points, model, target)) {
                covered++;
            }
        }
        assertThat(report.samplesOnRoads()).isEqualTo(placed.size()).isGreaterThan(250);
        assertThat(report.attribution()).isEqualTo(RoadGraph.ATTRIBUTION);
        double expected = (double) covered / ward.samples().size();
        assertThat(expected).as("a target the roads decide").isBetween(0.05, 0.95);
        assertThat(report.coveredShare()).isCloseTo(expected, within(0.05));
    }

    @Test
    void withoutAnyPointOnTheGraphEverySampleTakesTheHeuristic() {
        TravelTimes travel = RoadFixture.travelTimes(new SimpleMeterRegistry());
        CoverageCalculator calculator = new CoverageCalculator(RoadFixture.heuristic(), travel);
        MultiPolygon extract = box(RoadFixture.SOUTH, RoadFixture.WEST, RoadFixture.NORTH, RoadFixture.EAST);
        Ward ward = new Ward("00001", "Văn Miếu", 30_000, extract, WardSampler.sample(extract, 50));

        CoverageReport report = calculator.compute(
                List.of(ward),
                new PointSnapshot(1, List.of(point("FAR", OFF_THE_EXTRACT)), Set.of(), List.of()),
                TravelMode.MOTORBIKE,
                MID_MORNING);

        assertThat(report.samplesOnRoads()).isZero();
        assertThat(report.attribution()).isNull();
    }

    /** Within 50 m, or 3 minutes by the quickest of the routes to every point (the heuristic's off the graph). */
    private static boolean bruteForceCovered(
            LatLon sample, List<ServicePoint> points, HeuristicTravelTimes model, TravelProperties.Target target) {
        List<Double> seconds = RoadFixture.engine()
                .seconds(
                        TravelMode.MOTORBIKE,
                        sample,
                        points.stream().map(ServicePoint::position).toList())
                .block(Duration.ofSeconds(10));
        double best = Double.POSITIVE_INFINITY;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            LatLon position = points.get(i).position();
            double meters = Geodesy.distanceMeters(sample.lat(), sample.lon(), position.lat(), position.lon());
            nearest = Math.min(nearest, meters);
            double minutes = seconds.get(i) != null
                    ? model.overheadMinutes(TravelMode.MOTORBIKE)
                            + seconds.get(i) * model.trafficFactor(TravelMode.MOTORBIKE, MID_MORNING) / 60
                    : model.minutes(TravelMode.MOTORBIKE, meters, MID_MORNING);
            best = Math.min(best, minutes);
        }
        return nearest <= target.maxDistanceKm() * 1000 || best <= target.maxTravelMinutes();
    }

    private static MultiPolygon box(double south, double west, double north, double east) {
        Polygon polygon = GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(west, south),
            new Coordinate(east, south),
            new Coordinate(east, north),
            new Coordinate(west, north),
            new Coordinate(west, south)
        });
        return GEOMETRY.createMultiPolygon(new Polygon[] {polygon});
    }

    private static ServicePoint point(String id, LatLon position) {
        return ServicePoint.proposed(id, PointType.WARD_POINT, id, position);
    }
}
