package vn.hanoi.hcc.bff.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import vn.hanoi.hcc.bff.error.BusyException;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.PointType;
import vn.hanoi.hcc.bff.point.ServicePoint;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelProperties;

/**
 * Small synthetic cities on the equator, where the best k sites are found by trying every set of k
 * candidates: the greedy answer reaches its guarantee, and equals the best where it must.
 */
class CoverageSuggesterTest {

    /** At 1 km/h, only the 5 km criterion counts. */
    private static final TravelProperties.Mode SLOW = new TravelProperties.Mode(1.0, Duration.ZERO, 1, List.of());

    private static final TravelProperties.Target TARGET = new TravelProperties.Target(5, 30);
    private static final double KM = 1 / 111.32;
    private static final long NEVER = Long.MAX_VALUE / 2;

    private final CoverageSuggester suggester = new CoverageSuggester(new HeuristicTravelTimes(new TravelProperties(
            TARGET,
            Map.of(TravelMode.WALK, SLOW, TravelMode.MOTORBIKE, SLOW, TravelMode.CAR, SLOW),
            TravelProperties.Engine.NONE,
            new TravelProperties.Graph(null, Path.of("unused"), 200, 1, 1, Duration.ofSeconds(1)),
            new TravelProperties.Osrm(Map.of(), Duration.ofSeconds(1), 10))));

    @Test
    void takesTheBiggestSiteFirstEvenWhenTwoSmallerOnesWouldDoBetter() {
        // villages at -12, -4, 4, 12 km; L at -8 serves the two left, R at 8 the two right, M at 0 the
        // two inner ones (the most people at once): greedy takes M, then L; the best pair is L and R
        List<Ward> city = List.of(
                village("A2", -12, 0, 4_000),
                village("A1", -4, 0, 6_000),
                village("B1", 4, 0, 6_000),
                village("B2", 12, 0, 4_000));
        List<LatLon> candidates = List.of(at(-8, 0), at(0, 0), at(8, 0));
        PointSnapshot network = network();

        Suggestions one = suggest(city, network, candidates, 1);
        Suggestions two = suggest(city, network, candidates, 2);

        assertThat(one.sites().get(0).newlyCoveredPopulation()).isEqualTo(best(city, network, candidates, 1));
        assertThat(two.sites()).extracting(Suggestions.Site::lon).containsExactly(0.0, -8 * KM);
        assertThat(two.sites())
                .extracting(Suggestions.Site::newlyCoveredPopulation)
                .containsExactly(12_000L, 4_000L);
        assertThat(two.sites().get(1).coveredShareAfter()).isEqualTo(0.8);
        assertThat(two.sites().get(1).wards())
                .extracting(Suggestions.ServedWard::code)
                .containsExactly("A2");
        long greedy = 16_000;
        long optimum = best(city, network, candidates, 2);
        assertThat(optimum).isEqualTo(20_000);
        // the guarantee for two sites, 1 − (1 − 1/2)², is stronger than 1 − 1/e
        assertThat((double) greedy / optimum).isGreaterThanOrEqualTo(1 - Math.pow(0.5, 2));
    }

    @Test
    void reachesTheGuaranteeOnRandomCitiesAndTheOptimumForOneSite() {
        Random random = new Random(19);
        for (int city = 0; city < 5; city++) {
            List<Ward> wards = new ArrayList<>();
            for (int v = 0; v < 14; v++) {
                wards.add(village(
                        "V" + v, random.nextDouble() * 30, random.nextDouble() * 30, 1_000 + random.nextInt(9_000)));
            }
            List<LatLon> candidates = new ArrayList<>();
            for (int c = 0; c < 9; c++) {
                candidates.add(at(random.nextDouble() * 30, random.nextDouble() * 30));
            }
            PointSnapshot network = network(point("P", at(15, 15)));
            long baseline = covered(wards, network, List.of());
            for (int k = 1; k <= 4; k++) {
                Suggestions suggestions = suggest(wards, network, candidates, k);
                long greedy = suggestions.sites().stream()
                        .mapToLong(Suggestions.Site::newlyCoveredPopulation)
                        .sum();
                long optimum = best(wards, network, candidates, k) - baseline;
                assertThat(suggestions.baseline().coveredPopulation()).isEqualTo(baseline);
                assertThat(greedy)
                        .as("city %d, %d sites", city, k)
                        .isGreaterThanOrEqualTo((long) Math.floor((1 - Math.pow(1 - 1.0 / k, k)) * optimum) - k);
                if (k == 1 && optimum > 0) {
                    assertThat(greedy).isEqualTo(optimum);
                }
            }
        }
    }

    @Test
    void neverSuggestsAnActivePointAndIsTheSameEveryTime() {
        List<Ward> city = List.of(village("A", 0, 0, 5_000), village("B", 20, 0, 7_000));
        PointSnapshot network = network(point("P", at(20, 0)));
        // the best candidate by far stands on the active point P
        List<LatLon> candidates = List.of(at(20, 0), at(1, 0), at(20.01, 0));

        Suggestions first = suggest(city, network, candidates, 3);
        Suggestions second = suggest(city, network, candidates, 3);

        assertThat(first.candidatesConsidered()).isEqualTo(1);
        assertThat(first.sites()).extracting(Suggestions.Site::lon).containsExactly(KM);
        assertThat(first.baseline().coveredShare()).isEqualTo(0.5833);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void closesTheExcludedPointsAndNamesThoseThatAreNotActive() {
        List<Ward> city = List.of(village("A", 0, 0, 5_000), village("B", 20, 0, 7_000));
        PointSnapshot network = network(point("P", at(20, 0)));
        SuggestionQuery closing = new SuggestionQuery(
                TravelMode.WALK,
                2,
                TARGET,
                SuggestionQuery.Candidates.LIST,
                List.of(at(20, 0), at(0, 0)),
                List.of("P"));

        Suggestions without = suggester.suggest(city, network, closing, LocalTime.NOON, 1, System.nanoTime() + NEVER);

        assertThat(without.baseline().coveredPopulation()).isZero();
        assertThat(without.sites())
                .extracting(Suggestions.Site::newlyCoveredPopulation)
                .containsExactly(7_000L, 5_000L);
        SuggestionQuery unknown = new SuggestionQuery(
                TravelMode.WALK, 1, TARGET, SuggestionQuery.Candidates.WARDS, List.of(), List.of("P", "nope"));
        assertThatThrownBy(() -> suggester.suggest(city, network, unknown, LocalTime.NOON, 1, NEVER))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(error -> error.name())
                                .containsExactly("exclude[1]"));
    }

    @Test
    void givesUpAtTheDeadline() {
        List<Ward> city = List.of(village("A", 0, 0, 5_000));
        SuggestionQuery query =
                new SuggestionQuery(TravelMode.WALK, 1, TARGET, SuggestionQuery.Candidates.GRID, List.of(), List.of());

        assertThatThrownBy(() -> suggester.suggest(city, network(), query, LocalTime.NOON, 1, System.nanoTime() - 1))
                .isInstanceOf(BusyException.class);
    }

    private Suggestions suggest(List<Ward> city, PointSnapshot network, List<LatLon> candidates, int count) {
        SuggestionQuery query = new SuggestionQuery(
                TravelMode.WALK, count, TARGET, SuggestionQuery.Candidates.LIST, candidates, List.of());
        return suggester.suggest(city, network, query, LocalTime.NOON, 1, System.nanoTime() + NEVER);
    }

    /** The most people any k candidates bring within 5 km, with the network's points: every set tried. */
    private static long best(List<Ward> city, PointSnapshot network, List<LatLon> candidates, int k) {
        long best = 0;
        for (int mask = 0; mask < 1 << candidates.size(); mask++) {
            if (Integer.bitCount(mask) != k) {
                continue;
            }
            List<LatLon> chosen = new ArrayList<>();
            for (int c = 0; c < candidates.size(); c++) {
                if ((mask & 1 << c) != 0) {
                    chosen.add(candidates.get(c));
                }
            }
            best = Math.max(best, covered(city, network, chosen));
        }
        return best;
    }

    private static long covered(List<Ward> city, PointSnapshot network, List<LatLon> sites) {
        List<LatLon> all = new ArrayList<>(sites);
        network.points().forEach(point -> all.add(point.position()));
        double people = 0;
        for (Ward ward : city) {
            for (LatLon sample : ward.samples()) {
                if (all.stream()
                        .anyMatch(site ->
                                Geodesy.distanceMeters(site.lat(), site.lon(), sample.lat(), sample.lon()) <= 5_000)) {
                    people += (double) ward.population() / ward.samples().size();
                }
            }
        }
        return Math.round(people);
    }

    /** A village 100 m square centred this many km east and north of (0, 0). */
    private static Ward village(String code, double eastKm, double northKm, long population) {
        double side = 0.1 * KM;
        MultiPolygon boundary = CoverageCalculatorTest.square(northKm * KM - side / 2, eastKm * KM - side / 2, side);
        return new Ward(code, code, population, boundary, WardSampler.sample(boundary, 20));
    }

    private static LatLon at(double eastKm, double northKm) {
        return new LatLon(northKm * KM, eastKm * KM);
    }

    private static ServicePoint point(String id, LatLon position) {
        return ServicePoint.proposed(id, PointType.WARD_POINT, id, position);
    }

    private static PointSnapshot network(ServicePoint... points) {
        return new PointSnapshot(3, List.of(points), Set.of(), List.of());
    }
}
