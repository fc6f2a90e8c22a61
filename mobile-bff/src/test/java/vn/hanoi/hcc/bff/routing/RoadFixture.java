package vn.hanoi.hcc.bff.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.core.io.DefaultResourceLoader;
import vn.hanoi.hcc.bff.bench.BenchConfig;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The real OpenStreetMap extract of central Hanoi (around the Temple of Literature) as the tests'
 * road graph: the BFF's own travel settings with the embedded engine on it, built once per module
 * build under target/ (as the application's test profile builds it).
 */
public final class RoadFixture {

    /** The extract's bounds. */
    public static final double SOUTH = 21.02329;

    public static final double NORTH = 21.03035;
    public static final double WEST = 105.82683;
    public static final double EAST = 105.83901;

    private static GraphHopperEngine engine;

    private RoadFixture() {}

    /** The BFF's travel settings (config/mobile-bff/application.yml) on the extract, with this budget. */
    public static TravelProperties properties(Duration budget) {
        TravelProperties shared = BenchConfig.bind(
                Path.of(System.getProperty("hcc.config.dir", "../config"), "mobile-bff", "application.yml"),
                "hcc.bff.travel",
                TravelProperties.class);
        return new TravelProperties(
                shared.target(),
                shared.modes(),
                TravelProperties.Engine.GRAPHHOPPER,
                new TravelProperties.Graph(
                        "classpath:osm/van-mieu-quoc-tu-giam.osm",
                        Path.of(System.getProperty("hcc.test.graph-dir", "target/road-graph")),
                        shared.graph().maxSnapMeters(),
                        2,
                        64,
                        budget),
                shared.osrm());
    }

    /** The engine on the extract, with a budget no test run reaches; one per JVM. */
    public static synchronized GraphHopperEngine engine() {
        if (engine == null) {
            engine = engine(properties(Duration.ofSeconds(30)), new SimpleMeterRegistry());
        }
        return engine;
    }

    public static GraphHopperEngine engine(TravelProperties properties, MeterRegistry meters) {
        return new GraphHopperEngine(properties, new DefaultResourceLoader(), meters);
    }

    /** The directory the engine's graph was built in (a subdirectory named after the extract's digest). */
    public static Path builtDirectory() {
        graph();
        try (java.util.stream.Stream<Path> built =
                java.nio.file.Files.list(properties(Duration.ZERO).graph().directory())) {
            return built.filter(path -> path.getFileName().toString().startsWith("graph-"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static RoadGraph graph() {
        return engine().graph().orElseThrow();
    }

    public static HeuristicTravelTimes heuristic() {
        return new HeuristicTravelTimes(properties(Duration.ofSeconds(30)));
    }

    /** Travel times with the engine on the extract. */
    public static TravelTimes travelTimes(MeterRegistry meters) {
        return TravelTimes.of(heuristic(), engine(), meters);
    }

    /** Random positions within this distance of a road the mode may use, seeded. */
    public static List<LatLon> onRoads(Random random, int count, TravelMode mode, double withinMeters) {
        List<LatLon> positions = new ArrayList<>(count);
        while (positions.size() < count) {
            LatLon position = new LatLon(
                    SOUTH + random.nextDouble() * (NORTH - SOUTH), WEST + random.nextDouble() * (EAST - WEST));
            RoadGraph.Placement placement = graph().place(mode, position);
            if (placement.onGraph() && placement.offRoadMeters() <= withinMeters) {
                positions.add(position);
            }
        }
        return positions;
    }
}
