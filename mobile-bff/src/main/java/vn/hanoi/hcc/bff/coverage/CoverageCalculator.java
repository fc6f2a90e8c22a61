package vn.hanoi.hcc.bff.coverage;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.geo.LatLon;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.point.ServicePoint;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.RoadGraph;
import vn.hanoi.hcc.bff.routing.RoadReach;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelTimes;

/**
 * The coverage computation itself, CPU-bound: for every sample of every ward, the quickest active
 * point, its travel time, and whether it is within target.
 *
 * <p>With a road graph, each point on it grows a shortest-path tree over the roads, bounded at the
 * target time (see {@link RoadReach}), and a sample on the graph takes the quicker of its road time
 * to those points and the heuristic's time to the nearest point off the graph. Samples off the graph,
 * and every sample without one, take the heuristic's time to the nearest point (nearest by distance
 * is quickest under the heuristic). An OSRM service is not asked: a planning figure must not depend
 * on whether a remote service answered.
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
    private final TravelTimes travel;

    CoverageCalculator(HeuristicTravelTimes model, TravelTimes travel) {
        this.model = model;
        this.travel = travel;
    }

    CoverageReport compute(List<Ward> wards, PointSnapshot network, TravelMode mode, LocalTime at) {
        List<ServicePoint> points = network.points();
        Optional<RoadReach> reach = travel.reach(
                        mode, points.stream().map(ServicePoint::position).toList(), at)
                .filter(RoadReach::anyPlaced);
        Set<String> offGraph = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            if (reach.isEmpty() || !reach.get().placed(i)) {
                offGraph.add(points.get(i).id());
            }
        }
        Sampler sampler = new Sampler(network, mode, at, reach, offGraph);
        List<WardCoverage> covered = new ArrayList<>(wards.size());
        for (Ward ward : wards) {
            covered.add(ward(ward, sampler));
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
                sampler.onRoads,
                sampler.onRoads > 0 ? RoadGraph.ATTRIBUTION : null,
                covered);
    }

    /** Times one sample after another, counting those timed on the roads. */
    private final class Sampler {

        private final PointSnapshot network;
        private final TravelMode mode;
        private final LocalTime at;
        private final Optional<RoadReach> reach;
        private final Set<String> offGraph;
        private int onRoads;

        Sampler(PointSnapshot network, TravelMode mode, LocalTime at, Optional<RoadReach> reach, Set<String> offGraph) {
            this.network = network;
            this.mode = mode;
            this.at = at;
            this.reach = reach;
            this.offGraph = offGraph;
        }

        /** Minutes from the sample to its quickest point, and whether it is within target. */
        Timed time(LatLon sample) {
            double meters = network.nearest(sample, 1, point -> true).get(0).distanceMeters();
            double nearestByHeuristic = model.minutes(mode, meters, at);
            OptionalDouble road = reach.flatMap(roads -> Optional.of(roads.minutesFrom(sample)))
                    .orElse(OptionalDouble.empty());
            if (road.isEmpty()) {
                return new Timed(nearestByHeuristic, model.withinTarget(meters, nearestByHeuristic));
            }
            onRoads++;
            double minutes = road.getAsDouble();
            if (!offGraph.isEmpty()) {
                double offGraphMeters = network.nearest(sample, 1, point -> offGraph.contains(point.id()))
                        .get(0)
                        .distanceMeters();
                minutes = Math.min(minutes, model.minutes(mode, offGraphMeters, at));
            }
            if (Double.isInfinite(minutes)) {
                // beyond the target on the roads: at least the target, for the means and the map
                minutes = Math.max(nearestByHeuristic, model.target().maxTravelMinutes());
                return new Timed(minutes, meters <= model.target().maxDistanceKm() * 1000);
            }
            return new Timed(minutes, model.withinTarget(meters, minutes));
        }
    }

    private record Timed(double minutes, boolean withinTarget) {}

    private WardCoverage ward(Ward ward, Sampler sampler) {
        int samples = ward.samples().size();
        if (sampler.network.points().isEmpty()) {
            return new WardCoverage(ward.code(), ward.name(), ward.population(), 0, 0, null, null, samples);
        }
        int within = 0;
        double totalMinutes = 0;
        double maxMinutes = 0;
        for (LatLon sample : ward.samples()) {
            Timed timed = sampler.time(sample);
            if (timed.withinTarget()) {
                within++;
            }
            totalMinutes += timed.minutes();
            maxMinutes = Math.max(maxMinutes, timed.minutes());
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
