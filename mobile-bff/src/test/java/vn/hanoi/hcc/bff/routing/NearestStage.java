package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.setting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The travel times of one nearest query by motorbike, from an origin to its K geodesically nearest
 * of 60 synthetic points, all on the extract's roads: the heuristic alone, the production path
 * through the road engine ({@link TravelTimes} → {@link GraphHopperEngine}: a routing worker, the
 * budget, contraction hierarchies), and the routing alone on the calling thread. The three take
 * turns query by query (rotating order), so that they share the machine's moments alike.
 */
final class NearestStage {

    private static final int ORIGINS = 4096;
    private static final int[] DESTINATIONS = {10, 15};
    private static final String[] PATHS = {"heuristic", "road", "routing alone"};

    /** Where the answers go, so that the JIT cannot drop the work. */
    static volatile double sink;

    private NearestStage() {}

    static String run(BenchRoads roads, Path osm) throws IOException {
        int warmup = setting("warmup", 2000);
        int iterations = Math.max(1, setting("iterations", 5000));
        RoadPositions.Network network = RoadPositions.network(osm, ORIGINS, 31);
        StringBuilder rows = new StringBuilder();
        for (int destinations : DESTINATIONS) {
            Query query = new Query(roads);
            long[][] nanos = measure(query, network, destinations, warmup, iterations);
            rows.append(row(destinations, nanos, query));
            progress("nearest K=%d: %d queries after %d of warm-up".formatted(destinations, iterations, warmup));
        }
        return """
                | destinations K | heuristic only, p50 / p99 | road engine, production path, p50 / p99 | one route per destination, p50 / p99 | times from the roads |
                |---|---|---|---|---|
                %s

                %d queries per K after %d of warm-up, from %d origins on the extract's roads (motorbike, \
                leaving at %s); %s. %s
                """.formatted(
                rows.toString().strip(),
                iterations,
                warmup,
                ORIGINS,
                roads.at(),
                outOfBudget(roads),
                placing(roads, network.origins(), iterations)).strip();
    }

    /** Nanoseconds per query on each path, the paths taking turns in rotating order. */
    private static long[][] measure(
            Query query, RoadPositions.Network network, int destinations, int warmup, int iterations) {
        long[][] nanos = new long[PATHS.length][iterations];
        for (int i = -warmup; i < iterations; i++) {
            LatLon origin = network.origins().get(Math.floorMod(i, ORIGINS));
            List<TravelTimes.Destination> nearest =
                    BenchRoads.byDistance(origin, network.points()).subList(0, destinations);
            query.counting = i >= 0;
            for (int turn = 0; turn < PATHS.length; turn++) {
                int path = Math.floorMod(i + turn, PATHS.length);
                long started = System.nanoTime();
                sink += query.time(path, origin, nearest);
                long elapsed = System.nanoTime() - started;
                if (i >= 0) {
                    nanos[path][i] = elapsed;
                }
            }
        }
        return nanos;
    }

    /** What placing one position on the roads costs: every route places both its ends. */
    private static String placing(BenchRoads roads, List<LatLon> positions, int iterations) {
        long[] nanos = new long[iterations];
        for (int i = -iterations; i < iterations; i++) {
            long started = System.nanoTime();
            sink += roads.graph()
                    .place(TravelMode.MOTORBIKE, positions.get(Math.floorMod(i, ORIGINS)))
                    .node();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - started;
            }
        }
        Samples micros = Samples.micros(nanos);
        return ("RoadGraph.place alone (the location index, with the mode's filter): p50 %.1f µs, p99 %.1f µs; "
                        + "a query places K + 1 positions.")
                .formatted(micros.median(), micros.percentile(99));
    }

    private static String row(int destinations, long[][] nanos, Query query) {
        StringBuilder row = new StringBuilder("| " + destinations + " |");
        for (long[] path : nanos) {
            Samples micros = Samples.micros(path);
            row.append(" %.1f / %.1f µs |".formatted(micros.median(), micros.percentile(99)));
        }
        return row.append(" %.1f %% |%n".formatted(100.0 * query.fromRoads / query.answers))
                .toString();
    }

    private static String outOfBudget(BenchRoads roads) {
        double exhausted =
                roads.meters().counter("hcc.travel.road.budget.exhausted").count();
        return "queries whose road budget ran out (warm-up included): %.0f".formatted(exhausted);
    }

    /** One query on one path; counts how many answers came from the roads on the production path. */
    private static final class Query {

        private final BenchRoads roads;
        private boolean counting;
        private long answers;
        private long fromRoads;

        Query(BenchRoads roads) {
            this.roads = roads;
        }

        double time(int path, LatLon origin, List<TravelTimes.Destination> nearest) {
            return switch (path) {
                case 0 -> total(roads.heuristicOnly(), origin, nearest);
                case 1 -> total(roads.travel(), origin, nearest);
                default -> routed(origin, nearest);
            };
        }

        private double total(TravelTimes travel, LatLon origin, List<TravelTimes.Destination> nearest) {
            List<TravelTime> times = travel.from(origin, nearest, TravelMode.MOTORBIKE, roads.at())
                    .block();
            double minutes = 0;
            for (TravelTime time : times) {
                minutes += time.minutes();
                if (counting && travel == roads.travel()) {
                    answers++;
                    fromRoads += time.estimate() == Estimate.ROAD ? 1 : 0;
                }
            }
            return minutes;
        }

        /** What the engine's worker does, without the queue: place the origin, route to each. */
        private double routed(LatLon origin, List<TravelTimes.Destination> nearest) {
            if (!roads.graph().place(TravelMode.MOTORBIKE, origin).onGraph()) {
                return 0;
            }
            double seconds = 0;
            for (TravelTimes.Destination destination : nearest) {
                RoadGraph.Route route = roads.graph().route(TravelMode.MOTORBIKE, origin, destination.position());
                seconds += route == null ? 0 : route.seconds();
            }
            return seconds;
        }
    }
}
