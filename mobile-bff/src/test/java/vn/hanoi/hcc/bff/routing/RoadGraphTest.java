package vn.hanoi.hcc.bff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/** Routes on the real OpenStreetMap extract of central Hanoi around the Temple of Literature. */
class RoadGraphTest {

    /** South-west of the extract, on Tôn Đức Thắng's side. */
    private static final LatLon SOUTH_WEST = new LatLon(21.0240, 105.8290);
    /** North-east of the extract, towards Văn Miếu street. */
    private static final LatLon NORTH_EAST = new LatLon(21.0290, 105.8370);
    /** Inside the Temple of Literature: footpaths only. */
    private static final LatLon IN_THE_TEMPLE = new LatLon(21.0283, 105.8356);
    /** 2 km west of the extract: no road of it within reach. */
    private static final LatLon OFF_THE_EXTRACT = new LatLon(21.0265, 105.8080);

    private final RoadGraph roads = RoadFixture.graph();

    @Test
    void importsTheExtractIntoARoadGraph() {
        assertThat(roads.nodes()).isBetween(500, 5_000);
        assertThat(roads.edges()).isGreaterThan(roads.nodes() / 2);
        assertThat(RoadFixture.engine().health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void opensABuiltGraphInADirectoryNoOneMayWriteTo(@TempDir Path copy) throws Exception {
        Path built = RoadFixture.builtDirectory();
        try (Stream<Path> files = Files.list(built)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        // immutable even for root (who ignores permissions): a pod's read-only volume
        assumeTrue(chattr("+i", copy), "chattr cannot make a directory immutable here");
        try (RoadGraph opened = RoadGraph.open(null, copy, 200)) {
            assertThat(opened.nodes()).isEqualTo(roads.nodes());
            assertThat(opened.route(TravelMode.MOTORBIKE, SOUTH_WEST, NORTH_EAST))
                    .isNotNull();
        } finally {
            chattr("-i", copy);
        }
    }

    private static boolean chattr(String flag, Path directory) throws Exception {
        Process chattr = new ProcessBuilder("chattr", flag, directory.toString())
                .redirectErrorStream(true)
                .start();
        chattr.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return chattr.waitFor() == 0;
    }

    @Test
    void aMotorbikeObeysOneWayStreetsSoTheTwoDirectionsDiffer() {
        RoadGraph.Route there = roads.route(TravelMode.MOTORBIKE, SOUTH_WEST, NORTH_EAST);
        RoadGraph.Route back = roads.route(TravelMode.MOTORBIKE, NORTH_EAST, SOUTH_WEST);

        assertThat(there.seconds()).isGreaterThan(back.seconds() * 1.3);
        assertThat(there.meters()).isGreaterThan(back.meters() * 1.3);
        // on foot one-way streets do not apply: the same way both ways
        RoadGraph.Route walkThere = roads.route(TravelMode.WALK, SOUTH_WEST, NORTH_EAST);
        RoadGraph.Route walkBack = roads.route(TravelMode.WALK, NORTH_EAST, SOUTH_WEST);
        assertThat(walkThere.meters()).isCloseTo(walkBack.meters(), within(walkBack.meters() * 0.01));
    }

    @Test
    void onFootTheRouteMayTakeWaysAMotorbikeMayNot() {
        RoadGraph.Route walk = roads.route(TravelMode.WALK, SOUTH_WEST, NORTH_EAST);
        RoadGraph.Route ride = roads.route(TravelMode.MOTORBIKE, SOUTH_WEST, NORTH_EAST);
        assertThat(walk.meters()).isLessThan(ride.meters() * 0.8);

        // the temple's paths are for walkers: a walker is on them, a motorbike's road is far off
        assertThat(roads.place(TravelMode.WALK, IN_THE_TEMPLE).offRoadMeters()).isLessThan(10);
        assertThat(roads.place(TravelMode.MOTORBIKE, IN_THE_TEMPLE).offRoadMeters())
                .isGreaterThan(50);
    }

    @Test
    void aPositionBeyondTheSnapDistanceIsOffTheGraph() {
        assertThat(roads.place(TravelMode.MOTORBIKE, OFF_THE_EXTRACT).onGraph()).isFalse();
        assertThat(roads.route(TravelMode.MOTORBIKE, SOUTH_WEST, OFF_THE_EXTRACT))
                .isNull();
    }

    @Test
    void labelsEachTimeWithWhereItCameFromAndTimesOffGraphPointsByTheHeuristic() {
        TravelTimes travel = RoadFixture.travelTimes(new SimpleMeterRegistry());

        List<TravelTime> times = travel.from(
                        SOUTH_WEST,
                        List.of(destination(SOUTH_WEST, NORTH_EAST), destination(SOUTH_WEST, OFF_THE_EXTRACT)),
                        TravelMode.MOTORBIKE,
                        LocalTime.of(10, 0))
                .block(Duration.ofSeconds(10));

        assertThat(times).extracting(TravelTime::estimate).containsExactly(Estimate.ROAD, Estimate.HEURISTIC);
        // the road time: the overhead plus the route's free-flow time slowed by the traffic at 10:00
        double expected = roadMinutes(roads.route(TravelMode.MOTORBIKE, SOUTH_WEST, NORTH_EAST), LocalTime.of(10, 0));
        assertThat(times.get(0).minutes()).isCloseTo(expected, within(0.01));
    }

    @Test
    void slowsRoadTimesInTheRushHourAsTheHeuristicDoes() {
        TravelTimes travel = RoadFixture.travelTimes(new SimpleMeterRegistry());
        List<TravelTimes.Destination> one = List.of(destination(SOUTH_WEST, NORTH_EAST));
        double overhead = RoadFixture.heuristic().overheadMinutes(TravelMode.MOTORBIKE);

        double offPeak = travel.from(SOUTH_WEST, one, TravelMode.MOTORBIKE, LocalTime.of(10, 0))
                        .block(Duration.ofSeconds(10))
                        .get(0)
                        .minutes()
                - overhead;
        double rushHour = travel.from(SOUTH_WEST, one, TravelMode.MOTORBIKE, LocalTime.of(8, 0))
                        .block(Duration.ofSeconds(10))
                        .get(0)
                        .minutes()
                - overhead;

        HeuristicTravelTimes model = RoadFixture.heuristic();
        double slowdown = model.trafficFactor(TravelMode.MOTORBIKE, LocalTime.of(8, 0))
                / model.trafficFactor(TravelMode.MOTORBIKE, LocalTime.of(10, 0));
        assertThat(slowdown).isGreaterThan(1.2);
        assertThat(rushHour).isCloseTo(offPeak * slowdown, within(0.01));
    }

    @Test
    void answersWithTheHeuristicWhenTheBudgetRunsOutAndCountsIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GraphHopperEngine hurried = RoadFixture.engine(RoadFixture.properties(Duration.ofNanos(1)), meters);
        try {
            TravelTimes travel = TravelTimes.of(RoadFixture.heuristic(), hurried, meters);

            List<TravelTime> times = travel.from(
                            SOUTH_WEST,
                            List.of(destination(SOUTH_WEST, NORTH_EAST)),
                            TravelMode.MOTORBIKE,
                            LocalTime.of(10, 0))
                    .block(Duration.ofSeconds(10));

            assertThat(times).extracting(TravelTime::estimate).containsExactly(Estimate.HEURISTIC);
            // the budget runs out either before routing starts (the timeout: a fallback for the
            // budget) or while it routes (the engine stops and counts it): which one is a race
            assertThat(meters.counter("hcc.travel.heuristic.fallbacks", "reason", "budget")
                                    .count()
                            + meters.counter("hcc.travel.road.budget.exhausted").count())
                    .isEqualTo(1);
        } finally {
            hurried.destroy();
        }
    }

    @Test
    void theReachTowardsAPointMatchesTheRoutesToItWithinTheTarget() {
        TravelTimes travel = RoadFixture.travelTimes(new SimpleMeterRegistry());
        RoadReach reach = travel.reach(TravelMode.MOTORBIKE, List.of(NORTH_EAST, OFF_THE_EXTRACT), LocalTime.of(10, 0))
                .orElseThrow();

        assertThat(reach.placed(0)).isTrue();
        assertThat(reach.placed(1)).isFalse();
        // from the south-west: the one-way streets make it the long way round, as the route does
        OptionalDouble minutes = reach.minutesFrom(SOUTH_WEST);
        double expected = roadMinutes(roads.route(TravelMode.MOTORBIKE, SOUTH_WEST, NORTH_EAST), LocalTime.of(10, 0));
        assertThat(minutes).isPresent();
        assertThat(minutes.getAsDouble()).isCloseTo(expected, within(0.75));
        assertThat(reach.minutesFrom(OFF_THE_EXTRACT)).isEmpty();
    }

    /** Door to door by motorbike: the overhead, the route slowed by the hour's traffic, the legs off the road. */
    private static double roadMinutes(RoadGraph.Route route, LocalTime leaving) {
        HeuristicTravelTimes model = RoadFixture.heuristic();
        double seconds =
                route.seconds() + RoadFixture.engine().offRoadSeconds(TravelMode.MOTORBIKE, route.offRoadMeters());
        return model.overheadMinutes(TravelMode.MOTORBIKE)
                + seconds * model.trafficFactor(TravelMode.MOTORBIKE, leaving) / 60;
    }

    private static TravelTimes.Destination destination(LatLon from, LatLon to) {
        return new TravelTimes.Destination(to, Geodesy.distanceMeters(from.lat(), from.lon(), to.lat(), to.lon()));
    }
}
