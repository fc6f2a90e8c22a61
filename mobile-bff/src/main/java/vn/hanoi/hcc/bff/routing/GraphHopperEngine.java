package vn.hanoi.hcc.bff.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The embedded road engine: a {@link RoadGraph} opened at startup, asked on a few routing workers
 * of its own with a short queue (routing is CPU work), each question within a time budget. When the
 * graph cannot be opened the BFF still starts and every answer is the heuristic's; the {@code
 * roadGraph} health component says why (left out of readiness: the heuristic still answers).
 *
 * <p>With {@code osm-file} set and no graph in the directory yet, the extract is imported first,
 * into a subdirectory named after the file's digest, so that a changed file is never answered
 * from a graph built from the old one.
 */
@Component("roadGraph")
@ConditionalOnProperty(name = "hcc.bff.travel.engine", havingValue = "graphhopper")
public class GraphHopperEngine implements RoadEngine, HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GraphHopperEngine.class);

    private final TravelProperties.Graph config;
    private final TravelProperties properties;
    private final Scheduler workers;
    private final Counter outOfBudget;
    private final Optional<RoadGraph> graph;
    private final String failure;

    public GraphHopperEngine(TravelProperties properties, ResourceLoader resources, MeterRegistry meters) {
        this.config = properties.graph();
        this.properties = properties;
        this.workers = Schedulers.newBoundedElastic(config.workers(), config.queue(), "routing");
        this.outOfBudget = Counter.builder("hcc.travel.road.budget.exhausted")
                .description("Nearest queries whose road time budget ran out before every candidate was routed")
                .register(meters);
        RoadGraph opened = null;
        String why = null;
        long started = System.nanoTime();
        try {
            opened = RoadGraph.open(osmFile(resources), graphDirectory(resources), config.maxSnapMeters());
            log.info(
                    "Road graph open: {} junctions, {} road segments, {} MiB, in {} ms",
                    opened.nodes(),
                    opened.edges(),
                    opened.bytes() >> 20,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (RuntimeException | IOException failed) {
            why = failed.getMessage();
            log.error("No road graph: every travel time is the heuristic's ({})", why);
        }
        this.graph = Optional.ofNullable(opened);
        this.failure = why;
        Gauge.builder(
                        "hcc.travel.road.graph.nodes",
                        () -> graph.map(RoadGraph::nodes).orElse(0))
                .description("Junctions in the road graph; 0 without one")
                .register(meters);
    }

    @Override
    public Optional<RoadGraph> graph() {
        return graph;
    }

    private Path osmFile(ResourceLoader resources) throws IOException {
        if (config.osmFile() == null || config.osmFile().isBlank()) {
            return null;
        }
        Resource resource = resources.getResource(config.osmFile());
        if (!resource.exists()) {
            throw new IOException("The OpenStreetMap file " + config.osmFile() + " does not exist");
        }
        if (resource.isFile()) {
            return resource.getFile().toPath();
        }
        // inside a jar: copied beside the graph, since the importer reads a file
        Files.createDirectories(config.directory());
        Path copy = config.directory().resolve(resource.getFilename());
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** The configured directory, or for an extract to import, its digest's subdirectory of it. */
    private Path graphDirectory(ResourceLoader resources) throws IOException {
        if (config.osmFile() == null || config.osmFile().isBlank()) {
            return config.directory();
        }
        try (InputStream in = resources.getResource(config.osmFile()).getInputStream()) {
            return config.directory().resolve("graph-" + digest(in));
        }
    }

    private static String digest(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
                digesting.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new UncheckedIOException(new IOException(impossible));
        }
    }

    @Override
    public Estimate label() {
        return Estimate.ROAD;
    }

    @Override
    public boolean freeFlow() {
        return true;
    }

    @Override
    public boolean serves(TravelMode mode) {
        return graph.isPresent();
    }

    /** The nearest query's shortlist: routed in batches only as far as the distances leave doubt. */
    @Override
    public int maxDestinations() {
        return 60;
    }

    @Override
    public Mono<List<Double>> seconds(TravelMode mode, LatLon origin, List<LatLon> destinations) {
        if (graph.isEmpty() || destinations.isEmpty()) {
            return Mono.empty();
        }
        RoadGraph roads = graph.get();
        long deadline = System.nanoTime() + config.budget().toNanos();
        return Mono.fromCallable(() -> route(roads, mode, origin, destinations, deadline))
                .subscribeOn(workers)
                // waiting in the queue counts against the budget too
                .timeout(config.budget());
    }

    private List<Double> route(
            RoadGraph roads, TravelMode mode, LatLon origin, List<LatLon> destinations, long deadline) {
        boolean[] exhausted = {false};
        List<RoadGraph.Route> routes = roads.routes(mode, origin, destinations, () -> {
            exhausted[0] = System.nanoTime() > deadline;
            return exhausted[0];
        });
        if (exhausted[0]) {
            outOfBudget.increment();
        }
        List<Double> seconds = new ArrayList<>(routes.size());
        for (RoadGraph.Route route : routes) {
            seconds.add(route == null ? null : route.seconds() + offRoadSeconds(mode, route.offRoadMeters()));
        }
        return seconds;
    }

    /** The legs between each end and its road, at the mode's usual speed and detour. */
    @Override
    public double offRoadSeconds(TravelMode mode, double meters) {
        TravelProperties.Mode parameters = properties.modes().get(mode);
        return meters * parameters.detourFactor() / (parameters.baseKmh() / 3.6);
    }

    @Override
    public Health health() {
        return graph.map(roads -> Health.up()
                        .withDetail("junctions", roads.nodes())
                        .withDetail("roadSegments", roads.edges())
                        .build())
                .orElseGet(() -> Health.down().withDetail("error", failure).build());
    }

    @Override
    public void destroy() {
        workers.dispose();
        graph.ifPresent(RoadGraph::close);
    }
}
