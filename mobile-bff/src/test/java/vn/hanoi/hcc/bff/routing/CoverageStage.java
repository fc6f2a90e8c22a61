package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.setting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A coverage recomputation on the extract, by motorbike at the reference time, as the coverage
 * calculator does it: {@link TravelTimes#reach} (one shortest-path tree per point, bounded at the
 * target time, merged) for synthetic points on the roads, then {@link RoadReach#minutesFrom} for
 * every sample, drawn uniformly over the extract as a ward's samples are.
 */
final class CoverageStage {

    private CoverageStage() {}

    static String run(BenchRoads roads, Path osm) throws IOException {
        int pointCount = setting("points", 20);
        int sampleCount = setting("samples", 10_000);
        int repeats = Math.max(1, setting("repeats", 30));
        RoadPositions drivable = RoadPositions.read(osm, RoadPositions.DRIVABLE);
        List<LatLon> points = drivable.onRoads(pointCount, new Random(37));
        List<LatLon> samples = drivable.uniform(sampleCount, new Random(41));
        double[] reachMillis = new double[repeats];
        double[] samplesMillis = new double[repeats];
        RoadReach reach = null;
        for (int i = -Math.max(2, repeats / 5); i < repeats; i++) {
            long started = System.nanoTime();
            reach = roads.travel()
                    .reach(TravelMode.MOTORBIKE, points, roads.at())
                    .orElseThrow();
            long reached = System.nanoTime();
            NearestStage.sink += minutes(reach, samples);
            if (i >= 0) {
                reachMillis[i] = (reached - started) / 1e6;
                samplesMillis[i] = (System.nanoTime() - reached) / 1e6;
            }
        }
        progress("coverage: %d recomputations".formatted(repeats));
        int placed = 0;
        for (int i = 0; i < points.size(); i++) {
            placed += reach.placed(i) ? 1 : 0;
        }
        Samples compute = new Samples(reachMillis);
        Samples timing = new Samples(samplesMillis);
        return """
                | step (motorbike, leaving at %s, target %.0f min) | median (p90) |
                |---|---|
                | RoadReach for %d points (%d on the graph): one shortest-path tree each, merged | %.2f ms (%.2f) |
                | per shortest-path tree, reaching %s junctions on average (the graph holds every mode's) | %.3f ms |
                | minutesFrom for %,d samples over the extract (%.1f %% on the graph) | %.2f ms (%.2f), %.2f µs per sample |

                Median of %d recomputations after a warm-up.
                """.formatted(
                roads.at(),
                roads.properties().target().maxTravelMinutes(),
                pointCount,
                placed,
                compute.median(),
                compute.percentile(90),
                reachedPerTree(roads, points),
                compute.median() / Math.max(1, placed),
                sampleCount,
                100 * onGraph(reach, samples),
                timing.median(),
                timing.percentile(90),
                timing.median() * 1000 / Math.max(1, sampleCount),
                repeats).strip();
    }

    private static double minutes(RoadReach reach, List<LatLon> samples) {
        double total = 0;
        for (LatLon sample : samples) {
            OptionalDouble minutes = reach.minutesFrom(sample);
            total += minutes.isPresent() && Double.isFinite(minutes.getAsDouble()) ? minutes.getAsDouble() : 0;
        }
        return total;
    }

    private static double onGraph(RoadReach reach, List<LatLon> samples) {
        return samples.stream()
                        .filter(sample -> reach.minutesFrom(sample).isPresent())
                        .count()
                / (double) Math.max(1, samples.size());
    }

    /** Junctions within the bound of each point's tree, on average, "612 of 940". */
    private static String reachedPerTree(BenchRoads roads, List<LatLon> points) {
        long reached = 0;
        int trees = 0;
        for (LatLon point : points) {
            int junctions = roads.reached(TravelMode.MOTORBIKE, point);
            if (junctions >= 0) {
                trees++;
                reached += junctions;
            }
        }
        return "%,d of %,d"
                .formatted(reached / Math.max(1, trees), roads.graph().nodes());
    }
}
