package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.Footprint.mib;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.setting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The road graph at a city's size, on a synthetic grid ({@link SyntheticCityOsm}) of {@code
 * bench.junctions} junctions: the import, its size on disk and on the heap, one motorbike
 * shortest-path tree from the grid's centre bounded as a coverage computation bounds it, and a
 * coverage recomputation for {@code bench.coverage-points} points spread over the grid, all
 * through the production engine.
 */
final class CityStage {

    private static final int CITY_DESTINATIONS = 15;

    private CityStage() {}

    static String run(Path work) throws Exception {
        int junctions = setting("junctions", 420_000);
        Path directory = Files.createTempDirectory(work, "city-");
        try {
            Path osm = directory.resolve("city.osm");
            long started = System.nanoTime();
            SyntheticCityOsm.Grid grid = SyntheticCityOsm.write(osm, junctions, setting("spacing", 90), 53);
            String written = described(grid, osm);
            progress("city: grid written in %.1f s: %s".formatted(seconds(started), written));
            Path graph = directory.resolve("graph");
            started = System.nanoTime();
            RoadGraph.build(osm, graph);
            double imported = seconds(started);
            progress("city: imported in %.1f s".formatted(imported));
            Files.delete(osm);
            return """
                    | what | figure |
                    |---|---|
                    | the synthetic grid | %s |
                    | import (RoadGraph.build) | %.1f s |
                    | on disk | %s |
                    %s
                    """.formatted(written, imported, mib(Footprint.diskBytes(graph)), loaded(graph, grid))
                    .strip();
        } finally {
            Footprint.delete(directory);
        }
    }

    private static String described(SyntheticCityOsm.Grid grid, Path osm) throws IOException {
        return "%,d × %,d = %,d junctions %.0f m apart (%.0f km × %.0f km), %,d OSM nodes, %,d ways: %s of XML"
                .formatted(
                        grid.side(),
                        grid.side(),
                        grid.junctions(),
                        grid.spacingMeters(),
                        grid.sideKm(),
                        grid.sideKm(),
                        grid.osmNodes(),
                        grid.ways(),
                        mib(Files.size(osm)));
    }

    /** Opens the graph through the engine and measures it: table rows. */
    private static String loaded(Path graph, SyntheticCityOsm.Grid grid) throws Exception {
        long without = Footprint.usedHeapAfterGc();
        long started = System.nanoTime();
        try (BenchRoads roads = BenchRoads.open(null, graph)) {
            double openSeconds = seconds(started);
            long held = Footprint.usedHeapAfterGc() - without;
            progress("city: graph open, %s on the heap".formatted(mib(held)));
            return """
                    | junctions, road segments after import | %,d, %,d |
                    | loading the built graph (the engine at BFF startup) | %.1f s |
                    | heap held by the loaded graph (used heap after GC with it open − before) | %s |
                    %s
                    %s
                    %s
                    """.formatted(
                    roads.graph().nodes(),
                    roads.graph().edges(),
                    openSeconds,
                    mib(held),
                    centreTree(roads, grid),
                    coverage(roads, grid),
                    nearest(roads, grid)).strip();
        }
    }

    /** The tree a point in the middle of the city grows (the largest): at the crossing of two primary streets. */
    private static String centreTree(BenchRoads roads, SyntheticCityOsm.Grid grid) {
        int trees = Math.max(1, setting("trees", 5));
        double bound = roads.treeBoundSeconds(TravelMode.MOTORBIKE);
        int middle = grid.side() / 2 / 10 * 10;
        RoadGraph.Placement centre = roads.graph().place(TravelMode.MOTORBIKE, grid.junction(middle, middle));
        if (!centre.onGraph()) {
            throw new IllegalStateException("The grid's centre is off the graph");
        }
        double[] millis = new double[trees];
        double[] reached = {};
        for (int i = -1; i < trees; i++) {
            long started = System.nanoTime();
            reached = roads.graph().secondsTowards(TravelMode.MOTORBIKE, centre.node(), bound);
            if (i >= 0) {
                millis[i] = seconds(started) * 1000;
            }
        }
        long within = Arrays.stream(reached).filter(Double::isFinite).count();
        Samples tree = new Samples(millis);
        progress("city: %d trees from the centre, %.0f ms each".formatted(trees, tree.median()));
        return "| one shortest-path tree by motorbike from the grid's centre, bounded at %.0f min, median (min–max) of %d | %.0f ms (%.0f–%.0f), reaching %,d junctions (%.1f %% of the grid) |"
                .formatted(
                        bound / 60,
                        trees,
                        tree.median(),
                        tree.min(),
                        tree.max(),
                        within,
                        100.0 * within / roads.graph().nodes());
    }

    /** RoadReach for points spread uniformly over the grid, as the coverage calculator asks for it. */
    private static String coverage(BenchRoads roads, SyntheticCityOsm.Grid grid) {
        int count = setting("coverage-points", 156);
        int repeats = Math.max(1, setting("coverage-repeats", 3));
        List<LatLon> points = grid.uniform(count, new Random(59));
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            NearestStage.sink += roads.travel()
                            .reach(TravelMode.MOTORBIKE, points, roads.at())
                            .isPresent()
                    ? 1
                    : 0;
            seconds[i] = seconds(started);
            progress("city: coverage recomputation %d of %d: %.1f s".formatted(i + 1, repeats, seconds[i]));
        }
        Samples recomputation = new Samples(seconds);
        return "| coverage recomputation: RoadReach for %d points spread over the grid (motorbike, %s), median (min–max) of %d | %.1f s (%.1f–%.1f), %.0f ms per point |"
                .formatted(
                        count,
                        roads.at(),
                        repeats,
                        recomputation.median(),
                        recomputation.min(),
                        recomputation.max(),
                        recomputation.median() * 1000 / count);
    }

    /**
     * Nearest queries on the production path: the 15 geodesically nearest of the points spread over
     * the grid, from origins spread over it.
     */
    private static String nearest(BenchRoads roads, SyntheticCityOsm.Grid grid) {
        int queries = Math.max(1, setting("city-queries", 500));
        List<LatLon> points = grid.uniform(setting("coverage-points", 156), new Random(59));
        List<LatLon> origins = grid.uniform(queries, new Random(61));
        long[] nanos = new long[queries];
        for (int i = -Math.max(1, queries / 5); i < queries; i++) {
            LatLon origin = origins.get(Math.floorMod(i, queries));
            List<TravelTimes.Destination> nearest =
                    BenchRoads.byDistance(origin, points).subList(0, Math.min(CITY_DESTINATIONS, points.size()));
            long started = System.nanoTime();
            NearestStage.sink += roads.travel()
                    .from(origin, nearest, TravelMode.MOTORBIKE, roads.at())
                    .block()
                    .size();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        Samples millis = Samples.micros(nanos);
        progress("city: %d nearest queries".formatted(queries));
        return "| nearest query, road engine's production path, %d destinations (the nearest of those points), p50 / p99 of %d | %.1f / %.1f ms; queries whose road budget ran out: %.0f |"
                .formatted(
                        CITY_DESTINATIONS,
                        queries,
                        millis.median() / 1000,
                        millis.percentile(99) / 1000,
                        roads.meters()
                                .counter("hcc.travel.road.budget.exhausted")
                                .count());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
