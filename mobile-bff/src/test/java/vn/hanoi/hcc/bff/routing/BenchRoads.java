package vn.hanoi.hcc.bff.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import vn.hanoi.hcc.bff.bench.BenchConfig;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The production road engine on a graph, set up as the BFF sets it up: {@link GraphHopperEngine}
 * with config/mobile-bff/application.yml's travel settings (snap distance, workers, queue, budget,
 * the modes), only the graph's location changed, and {@link TravelTimes} with and without it.
 *
 * @param at the coverage's reference time (hcc.bff.coverage.reference-time), when trips are timed
 */
record BenchRoads(
        TravelProperties properties,
        GraphHopperEngine engine,
        RoadGraph graph,
        HeuristicTravelTimes heuristic,
        TravelTimes travel,
        TravelTimes heuristicOnly,
        SimpleMeterRegistry meters,
        LocalTime at)
        implements AutoCloseable {

    /**
     * The engine on the graph in this directory; with an extract, imported first if the directory
     * holds none of it yet (as the BFF does with {@code osm-file} set).
     */
    static BenchRoads open(Path osm, Path directory) {
        TravelProperties properties = configured(osm, directory);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GraphHopperEngine engine = new GraphHopperEngine(properties, new DefaultResourceLoader(), meters);
        RoadGraph graph = engine.graph()
                .orElseThrow(() -> new IllegalStateException(
                        "No road graph: " + engine.health().getDetails().get("error")));
        HeuristicTravelTimes heuristic = new HeuristicTravelTimes(properties);
        return new BenchRoads(
                properties,
                engine,
                graph,
                heuristic,
                TravelTimes.of(heuristic, engine, meters),
                TravelTimes.of(heuristic, null, meters),
                meters,
                BenchConfig.bind("hcc.bff.coverage.reference-time", LocalTime.class));
    }

    private static TravelProperties configured(Path osm, Path directory) {
        TravelProperties configured = BenchConfig.bind("hcc.bff.travel", TravelProperties.class);
        TravelProperties.Graph graph = configured.graph();
        return new TravelProperties(
                configured.target(),
                configured.modes(),
                TravelProperties.Engine.GRAPHHOPPER,
                new TravelProperties.Graph(
                        osm == null ? null : "file:" + osm.toAbsolutePath(),
                        directory.toAbsolutePath(),
                        graph.maxSnapMeters(),
                        graph.workers(),
                        graph.queue(),
                        graph.budget()),
                configured.osrm());
    }

    /** The points as a nearest query's destinations, nearest first by geodesic distance. */
    static List<TravelTimes.Destination> byDistance(LatLon origin, List<LatLon> points) {
        return points.stream()
                .map(point -> new TravelTimes.Destination(
                        point, Geodesy.distanceMeters(origin.lat(), origin.lon(), point.lat(), point.lon())))
                .sorted(Comparator.comparingDouble(TravelTimes.Destination::distanceMeters))
                .toList();
    }

    /** Free-flow seconds on the roads plus the legs to them, as the engine answers; null without a route. */
    Double doorToDoorSeconds(TravelMode mode, LatLon from, LatLon to) {
        RoadGraph.Route route = graph.route(mode, from, to);
        return route == null ? null : route.seconds() + engine.offRoadSeconds(mode, route.offRoadMeters());
    }

    /** The bound of each point's tree in a coverage computation: the target less the overhead, free-flow seconds. */
    double treeBoundSeconds(TravelMode mode) {
        return (properties.target().maxTravelMinutes() - heuristic.overheadMinutes(mode))
                * 60
                / heuristic.trafficFactor(mode, at);
    }

    /** Junctions within that bound of this position on the roads (towards it); -1 off the graph. */
    int reached(TravelMode mode, LatLon position) {
        RoadGraph.Placement placement = graph.place(mode, position);
        if (!placement.onGraph()) {
            return -1;
        }
        int reached = 0;
        for (double seconds : graph.secondsTowards(mode, placement.node(), treeBoundSeconds(mode))) {
            reached += Double.isFinite(seconds) ? 1 : 0;
        }
        return reached;
    }

    @Override
    public void close() throws IOException {
        engine.destroy();
    }
}
