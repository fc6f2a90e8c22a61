package vn.hanoi.hcc.bff.routing;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A road graph built by GraphHopper from an OpenStreetMap extract, in memory, with one profile per
 * travel mode: GraphHopper's own custom models for motorcycle (the motorbike mode), foot and car,
 * and contraction hierarchies for fast point-to-point routes. Read-only once open, so safe to share
 * between threads. Every method here is CPU work: call it from a worker, never from an event loop.
 *
 * <p>Times are free-flow road times from OpenStreetMap's road classes and speed limits, in seconds;
 * the caller adds the hour's traffic and the fixed overhead.
 */
public final class RoadGraph implements AutoCloseable {

    /** The credit OpenStreetMap's licence (ODbL 1.0) asks for wherever answers derived from it are shown. */
    public static final String ATTRIBUTION =
            "Road data © OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)";

    /** What the three custom models read from each road. */
    private static final String ENCODED_VALUES = String.join(
            ",",
            "car_access",
            "car_average_speed",
            "track_type",
            "road_access",
            "road_class",
            "surface",
            "max_speed",
            "foot_access",
            "foot_priority",
            "foot_average_speed",
            "foot_road_access",
            "hike_rating",
            "mtb_rating",
            "country");

    private static final int INDEX_RESOLUTION_METERS = 75;

    private static final Map<TravelMode, String> PROFILES =
            new EnumMap<>(Map.of(TravelMode.MOTORBIKE, "motorcycle", TravelMode.WALK, "foot", TravelMode.CAR, "car"));

    private final GraphHopper hopper;
    private final double maxSnapMeters;
    private final Map<TravelMode, Weighting> weightings = new EnumMap<>(TravelMode.class);
    private final Map<TravelMode, EdgeFilter> snapFilters = new EnumMap<>(TravelMode.class);
    private final Map<TravelMode, Double> fastestKmh = new EnumMap<>(TravelMode.class);

    private RoadGraph(GraphHopper hopper, double maxSnapMeters) {
        this.hopper = hopper;
        this.maxSnapMeters = maxSnapMeters;
        for (TravelMode mode : TravelMode.values()) {
            Profile profile = hopper.getProfile(PROFILES.get(mode));
            Weighting weighting = hopper.createWeighting(profile, new PMap());
            weightings.put(mode, weighting);
            snapFilters.put(
                    mode,
                    new DefaultSnapFilter(
                            weighting,
                            hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.getName()))));
            fastestKmh.put(mode, fastest(hopper, weighting));
        }
    }

    /** The highest speed on any road of the graph in either direction, km/h. */
    private static double fastest(GraphHopper hopper, Weighting weighting) {
        double fastest = 0;
        AllEdgesIterator edges = hopper.getBaseGraph().getAllEdges();
        while (edges.next()) {
            for (boolean reverse : new boolean[] {false, true}) {
                long millis = weighting.calcEdgeMillis(edges, reverse);
                if (millis > 0 && Double.isFinite(weighting.calcEdgeWeight(edges, reverse))) {
                    fastest = Math.max(fastest, edges.getDistance() / millis * 3_600);
                }
            }
        }
        return fastest;
    }

    /**
     * Opens the graph in this directory, importing the OpenStreetMap file first when the directory
     * holds no graph yet (an {@code .osm}, {@code .osm.pbf} or {@code .osm.gz} file).
     *
     * @param osmFile the extract to import; may be null when the directory already holds the graph
     * @param maxSnapMeters how far a position may lie from the nearest usable road and still be routed
     * @throws IllegalStateException when there is neither a graph nor a file to import
     */
    public static RoadGraph open(Path osmFile, Path directory, double maxSnapMeters) {
        boolean built = Files.isRegularFile(directory.resolve("properties"));
        if (!built && (osmFile == null || !Files.isRegularFile(osmFile))) {
            throw new IllegalStateException("No road graph in " + directory + " and no OpenStreetMap file to import");
        }
        GraphHopper hopper = configured(directory);
        if (!built) {
            // what an interrupted import left behind is not a graph
            deleteTree(directory);
            hopper.setOSMFile(osmFile.toString());
        } else {
            // read as it is, with no lock file: in a cluster the directory is a read-only volume
            hopper.setAllowWrites(false);
        }
        hopper.importOrLoad();
        return new RoadGraph(hopper, maxSnapMeters);
    }

    private static void deleteTree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot clear " + directory, failed);
        }
    }

    /** Imports the extract into the directory and closes it: the Kubernetes job's work. */
    public static void build(Path osmFile, Path directory) {
        GraphHopper hopper = configured(directory);
        hopper.setOSMFile(osmFile.toString());
        hopper.importAndClose();
    }

    private static GraphHopper configured(Path directory) {
        GraphHopper hopper = new GraphHopper();
        hopper.setGraphHopperLocation(directory.toString());
        // the location index's cells, 75 m rather than GraphHopper's 500: in a city this dense a
        // 500 m cell holds hundreds of road segments, and placing a position (tested against each)
        // cost 68 µs against 16 µs (bench/road-graph.sh)
        hopper.setPreciseIndexResolution(INDEX_RESOLUTION_METERS);
        hopper.setEncodedValuesString(ENCODED_VALUES);
        List<Profile> profiles = Arrays.stream(TravelMode.values())
                .map(mode -> new Profile(PROFILES.get(mode))
                        .setCustomModel(GHUtility.loadCustomModelFromJar(PROFILES.get(mode) + ".json")))
                .toList();
        hopper.setProfiles(profiles);
        hopper.getCHPreparationHandler()
                .setCHProfiles(profiles.stream()
                        .map(profile -> new CHProfile(profile.getName()))
                        .toList());
        return hopper;
    }

    /** The graph's size: road junctions and segments. */
    public int nodes() {
        return hopper.getBaseGraph().getNodes();
    }

    public int edges() {
        return hopper.getBaseGraph().getEdges();
    }

    /** Bytes the graph takes on disk (and, loaded, on the heap). */
    public long bytes() {
        return hopper.getBaseGraph().getCapacity();
    }

    /**
     * The mode's highest speed anywhere on the graph, km/h: no trip between two positions can be
     * quicker than their straight-line distance at this speed.
     */
    public double fastestKmh(TravelMode mode) {
        return fastestKmh.get(mode);
    }

    /** Where a position meets the mode's usable roads, if within the snap distance. */
    Placement place(TravelMode mode, LatLon position) {
        Snap snap = snap(mode, position);
        return snap == null ? Placement.OFF_GRAPH : new Placement(snap.getClosestNode(), snap.getQueryDistance());
    }

    /** A position placed on the graph: its nearest junction and how far off the road it lies. */
    record Placement(int node, double offRoadMeters) {

        static final Placement OFF_GRAPH = new Placement(-1, Double.NaN);

        boolean onGraph() {
            return node >= 0;
        }
    }

    /**
     * The route from one position to another, or null when either lies off the graph or no road
     * joins them.
     */
    Route route(TravelMode mode, LatLon from, LatLon to) {
        return routes(mode, from, List.of(to), () -> false).get(0);
    }

    /**
     * The routes from one origin to each destination, in order: null where either end lies off the
     * graph, no road joins them, or time ran out before it was routed. Each position is placed on
     * the roads once (placing is the dearest part of a short route), then each destination is
     * reached by a contraction-hierarchy query over one graph holding every placed position.
     *
     * @param outOfTime asked before each destination; true leaves the rest unrouted
     */
    List<Route> routes(TravelMode mode, LatLon from, List<LatLon> destinations, BooleanSupplier outOfTime) {
        List<Route> routes = new ArrayList<>(Collections.nCopies(destinations.size(), null));
        Snap origin = snap(mode, from);
        if (origin == null) {
            return routes;
        }
        List<Snap> snaps = new ArrayList<>(destinations.size() + 1);
        snaps.add(origin);
        Snap[] ends = new Snap[destinations.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = snap(mode, destinations.get(i));
            if (ends[i] != null) {
                snaps.add(ends[i]);
            }
        }
        QueryGraph graph = QueryGraph.create(hopper.getBaseGraph(), snaps);
        CHRoutingAlgorithmFactory algorithms =
                new CHRoutingAlgorithmFactory(hopper.getCHGraphs().get(PROFILES.get(mode)), graph);
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] == null) {
                continue;
            }
            if (outOfTime.getAsBoolean()) {
                break;
            }
            com.graphhopper.routing.Path path =
                    algorithms.createAlgo(new PMap()).calcPath(origin.getClosestNode(), ends[i].getClosestNode());
            if (path.isFound()) {
                routes.set(
                        i,
                        new Route(
                                path.getTime() / 1000.0,
                                path.getDistance(),
                                origin.getQueryDistance() + ends[i].getQueryDistance()));
            }
        }
        return routes;
    }

    private Snap snap(TravelMode mode, LatLon position) {
        Snap snap = hopper.getLocationIndex().findClosest(position.lat(), position.lon(), snapFilters.get(mode));
        return snap.isValid() && snap.getQueryDistance() <= maxSnapMeters ? snap : null;
    }

    /**
     * @param seconds on the roads, free flow
     * @param meters along the roads
     * @param offRoadMeters from each end to its road, together
     */
    record Route(double seconds, double meters, double offRoadMeters) {}

    /**
     * Free-flow seconds from every junction within the bound to this one (towards it, obeying
     * one-way streets), indexed by junction; {@link Double#POSITIVE_INFINITY} where it lies beyond.
     */
    double[] secondsTowards(TravelMode mode, int node, double boundSeconds) {
        double[] seconds = new double[nodes()];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        lowerTowards(mode, node, 0, boundSeconds, seconds);
        return seconds;
    }

    /**
     * Lowers each junction's entry to {@code startSeconds} plus its free-flow seconds to this one,
     * for the junctions within the bound: one tree merged into times already known, touching only
     * the junctions it reaches.
     */
    void lowerTowards(TravelMode mode, int node, double startSeconds, double boundSeconds, double[] quickest) {
        ShortestPathTree tree =
                new ShortestPathTree(hopper.getBaseGraph(), weightings.get(mode), true, TraversalMode.NODE_BASED);
        tree.setTimeLimit(boundSeconds * 1000);
        tree.search(node, label -> {
            if (label.node >= 0 && label.time <= boundSeconds * 1000) {
                quickest[label.node] = Math.min(quickest[label.node], startSeconds + label.time / 1000.0);
            }
        });
    }

    @Override
    public void close() {
        hopper.close();
    }
}
