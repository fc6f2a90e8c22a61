package vn.hanoi.hcc.bff.coverage;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;

/**
 * The coverage computation itself, pure and CPU-bound: for every sample of every ward, the nearest
 * active point (nearest by distance is quickest under the heuristic, the same for every point), its
 * travel time, and whether it is within target. The routing engine is not asked: a planning figure
 * must not depend on whether it answered.
 */
@Component
class CoverageCalculator {

    private static final Comparator<WardCoverage> WORST_FIRST = Comparator.comparingDouble(WardCoverage::coveredShare)
            .thenComparing(Comparator.comparing(
                            WardCoverage::meanTravelMinutes, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
                    .reversed())
            .thenComparing(Comparator.comparingLong(WardCoverage::population).reversed())
            .thenComparing(WardCoverage::code);

    private final HeuristicTravelTimes model;

    CoverageCalculator(HeuristicTravelTimes model) {
        this.model = model;
    }

    CoverageReport compute(List<Ward> wards, PointSnapshot network, TravelMode mode, LocalTime at) {
        List<WardCoverage> covered = new ArrayList<>(wards.size());
        for (Ward ward : wards) {
            covered.add(ward(ward, network, mode, at));
        }
        long population = covered.stream().mapToLong(WardCoverage::population).sum();
        long coveredPopulation =
                covered.stream().mapToLong(WardCoverage::coveredPopulation).sum();
        int full =
                (int) covered.stream().filter(ward -> ward.coveredShare() >= 1).count();
        int none =
                (int) covered.stream().filter(ward -> ward.coveredShare() <= 0).count();
        covered.sort(WORST_FIRST);
        return new CoverageReport(
                mode,
                at,
                model.target(),
                network.version(),
                network.points().size(),
                population,
                coveredPopulation,
                population == 0 ? 0 : round4((double) coveredPopulation / population),
                full,
                covered.size() - full - none,
                none,
                covered);
    }

    private WardCoverage ward(Ward ward, PointSnapshot network, TravelMode mode, LocalTime at) {
        int samples = ward.samples().size();
        if (network.points().isEmpty()) {
            return new WardCoverage(ward.code(), ward.name(), ward.population(), 0, 0, null, null, samples);
        }
        int within = 0;
        double totalMinutes = 0;
        double maxMinutes = 0;
        for (LatLon sample : ward.samples()) {
            double meters = network.nearest(sample, 1, point -> true).get(0).distanceMeters();
            double minutes = model.minutes(mode, meters, at);
            if (model.withinTarget(meters, minutes)) {
                within++;
            }
            totalMinutes += minutes;
            maxMinutes = Math.max(maxMinutes, minutes);
        }
        double share = (double) within / samples;
        return new WardCoverage(
                ward.code(),
                ward.name(),
                ward.population(),
                round4(share),
                Math.round(ward.population() * share),
                round1(totalMinutes / samples),
                round1(maxMinutes),
                samples);
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
