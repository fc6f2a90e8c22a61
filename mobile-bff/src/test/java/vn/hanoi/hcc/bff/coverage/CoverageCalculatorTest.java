package vn.hanoi.hcc.bff.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.CoordinateQuality;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;
import vn.hanoi.hcc.bff.routing.TravelTimes;

class CoverageCalculatorTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final TravelProperties.Mode SLOW = new TravelProperties.Mode(1.0, Duration.ZERO, 1, List.of());
    private final HeuristicTravelTimes model = new HeuristicTravelTimes(new TravelProperties(
            new TravelProperties.Target(5, 30),
            Map.of(TravelMode.WALK, SLOW, TravelMode.MOTORBIKE, SLOW, TravelMode.CAR, SLOW),
            TravelProperties.Engine.NONE,
            new TravelProperties.Graph(null, Path.of("unused"), 200, 1, 1, Duration.ofSeconds(1)),
            new TravelProperties.Osrm(Map.of(), Duration.ofSeconds(1), 10)));
    private final CoverageCalculator calculator =
            new CoverageCalculator(model, TravelTimes.of(model, null, new SimpleMeterRegistry()));

    @Test
    void coversTheShareOfAWardWithinFiveKilometresOfItsOnlyPoint() {
        // a 0.2° square on the equator (about 22.3 km a side) with one point in its middle: at 1 km/h
        // only the 5 km criterion counts, so π·5² of about 22.3² km² is covered
        MultiPolygon square = square(0, 0, 0.2);
        Ward ward = new Ward("00001", "Square", 1_000_000, square, WardSampler.sample(square, 2_000));
        PointSnapshot network = new PointSnapshot(7, List.of(point("P", 0.1, 0.1)), Set.of(), List.of());

        CoverageReport report = calculator.compute(List.of(ward), network, TravelMode.WALK, LocalTime.NOON);

        double expected = Math.PI * 25 / Math.pow(0.2 * 111.32, 2);
        assertThat(report.coveredShare()).isCloseTo(expected, within(0.01));
        assertThat(report.coveredPopulation()).isCloseTo(Math.round(expected * 1_000_000), within(10_000L));
        assertThat(report.networkVersion()).isEqualTo(7);
        assertThat(report.wardsPartlyCovered()).isEqualTo(1);
    }

    @Test
    void putsTheLeastCoveredWardsFirstAndIsTheSameEveryTime() {
        MultiPolygon near = square(0, 0, 0.01);
        MultiPolygon far = square(1, 1, 0.01);
        List<Ward> wards = List.of(
                new Ward("00001", "Near", 10, near, WardSampler.sample(near, 50)),
                new Ward("00002", "Far", 20, far, WardSampler.sample(far, 50)));
        PointSnapshot network = new PointSnapshot(1, List.of(point("P", 0.005, 0.005)), Set.of(), List.of());

        CoverageReport first = calculator.compute(wards, network, TravelMode.WALK, LocalTime.NOON);
        CoverageReport second = calculator.compute(wards, network, TravelMode.WALK, LocalTime.NOON);

        assertThat(first.wards()).extracting(WardCoverage::code).containsExactly("00002", "00001");
        assertThat(first.wardsUncovered()).isEqualTo(1);
        assertThat(first.wardsFullyCovered()).isEqualTo(1);
        assertThat(first.coveredShare()).isCloseTo(1 / 3.0, within(0.0001));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void samplesOnlyInsideThePolygonAndAlwaysTheSame() {
        Polygon triangle = GEOMETRY.createPolygon(
                new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(0, 1), new Coordinate(0, 0)
                });

        List<LatLon> samples = WardSampler.sample(triangle, 300);

        assertThat(samples)
                .hasSize(300)
                .allSatisfy(sample -> assertThat(sample.lat() + sample.lon()).isLessThanOrEqualTo(1));
        assertThat(WardSampler.sample(triangle, 300)).isEqualTo(samples);
    }

    static MultiPolygon square(double lat, double lon, double side) {
        Polygon polygon = GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(lon, lat),
            new Coordinate(lon + side, lat),
            new Coordinate(lon + side, lat + side),
            new Coordinate(lon, lat + side),
            new Coordinate(lon, lat)
        });
        return GEOMETRY.createMultiPolygon(new Polygon[] {polygon});
    }

    private static ServicePoint point(String id, double lat, double lon) {
        return new ServicePoint(
                id,
                PointType.WARD_POINT,
                id,
                null,
                null,
                null,
                null,
                lat,
                lon,
                CoordinateQuality.SURVEYED,
                new OpeningHours(List.of()),
                null,
                true);
    }
}
