package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.setting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * How deep in the geodesic order the road-quickest points lie: for seeded origins on the extract's
 * roads and 60 synthetic points on them, every point timed door to door as a nearest query times it
 * (the roads where they route, the heuristic where not), then the geodesic rank of the quickest
 * point, and the deepest rank among the 5 quickest. A nearest query routes only its max(3 × limit,
 * 10) geodesically nearest candidates (at most the engine's 40), so a deeper rank is a quicker
 * point it never saw.
 */
final class ShortlistStage {

    private static final int[] LIMITS = {1, 5};
    private static final List<TravelMode> MODES = List.of(TravelMode.MOTORBIKE, TravelMode.WALK, TravelMode.CAR);

    private ShortlistStage() {}

    static String run(BenchRoads roads, Path osm) throws IOException {
        int originCount = Math.max(1, setting("origins", 1000));
        RoadPositions.Network network = RoadPositions.network(osm, originCount, 47);
        List<LatLon> points = network.points();
        StringBuilder rows = new StringBuilder();
        for (TravelMode mode : MODES) {
            List<List<Double>> deepest = List.of(new ArrayList<>(), new ArrayList<>());
            for (LatLon origin : network.origins()) {
                if (!roads.graph().place(mode, origin).onGraph()) {
                    continue;
                }
                int[] ranks = ranksByTime(roads, mode, origin, points);
                for (int i = 0; i < LIMITS.length; i++) {
                    deepest.get(i).add((double)
                            IntStream.of(ranks).limit(LIMITS[i]).max().orElseThrow());
                }
            }
            rows.append("| %s | %,d |".formatted(mode.code(), deepest.get(0).size()));
            for (int i = 0; i < LIMITS.length; i++) {
                Samples rank = Samples.of(deepest.get(i));
                int routed = routed(roads, LIMITS[i]);
                rows.append(" %.0f / %.0f / %.0f / %.0f | %.1f %% |"
                        .formatted(
                                rank.median(),
                                rank.percentile(90),
                                rank.percentile(99),
                                rank.max(),
                                100 * rank.shareAbove(routed)));
            }
            rows.append(System.lineSeparator());
            progress("shortlist %s: %d origins"
                    .formatted(mode.code(), deepest.get(0).size()));
        }
        return """
                | mode | origins | geodesic rank of the quickest point: p50 / p90 / p99 / max | beyond the first batch of %d (limit 1) | deepest geodesic rank of the 5 quickest: p50 / p90 / p99 / max | beyond the first batch of %d (limit 5) |
                |---|---|---|---|---|---|
                %s
                """.formatted(routed(roads, 1), routed(roads, 5), rows.toString().strip())
                .strip();
    }

    /** How many candidates a nearest query with this limit routes first (NearestPointService), before its bound. */
    private static int routed(BenchRoads roads, int limit) {
        return Math.min(Math.max(3 * limit, 10), roads.engine().maxDestinations());
    }

    /** The geodesic ranks (1 = nearest) of the points, quickest first. */
    private static int[] ranksByTime(BenchRoads roads, TravelMode mode, LatLon origin, List<LatLon> points) {
        List<TravelTimes.Destination> nearestFirst = BenchRoads.byDistance(origin, points);
        double overhead = roads.heuristic().overheadMinutes(mode);
        double traffic = roads.heuristic().trafficFactor(mode, roads.at());
        double[] minutes = new double[nearestFirst.size()];
        for (int i = 0; i < minutes.length; i++) {
            TravelTimes.Destination destination = nearestFirst.get(i);
            Double seconds = roads.doorToDoorSeconds(mode, origin, destination.position());
            minutes[i] = seconds == null
                    ? roads.heuristic().minutes(mode, destination.distanceMeters(), roads.at())
                    : overhead + seconds * traffic / 60;
        }
        return IntStream.range(0, minutes.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> minutes[i]).thenComparing(i -> i))
                .mapToInt(i -> i + 1)
                .toArray();
    }
}
