package vn.hanoi.hcc.bff.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the road graph from an OpenStreetMap extract, outside the service: the Kubernetes job that
 * refreshes the city's graph runs it from the BFF's own image, so that the graph always matches the
 * profiles the service reads it with.
 *
 * <pre>java -cp '/app/resources:/app/classes:/app/libs/*' vn.hanoi.hcc.bff.routing.GraphImport hanoi.osm.pbf /graph/2026-12-07</pre>
 *
 * The target directory must not exist yet (a new one per build; the job points {@code current} at
 * it once it is complete). Prints the graph's size and the time taken; exits non-zero on failure.
 */
public final class GraphImport {

    private GraphImport() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: GraphImport <extract.osm.pbf|.osm> <new graph directory>");
            System.exit(2);
        }
        Path extract = Path.of(args[0]);
        Path directory = Path.of(args[1]);
        if (!Files.isRegularFile(extract)) {
            System.err.println("No such extract: " + extract);
            System.exit(2);
        }
        if (Files.exists(directory)) {
            System.err.println("The graph directory exists already: " + directory);
            System.exit(2);
        }
        long started = System.nanoTime();
        RoadGraph.build(extract, directory);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        try (RoadGraph graph = RoadGraph.open(null, directory, 1)) {
            System.out.printf(
                    "Road graph built in %d ms: %d junctions, %d road segments, %d MiB%n",
                    millis, graph.nodes(), graph.edges(), graph.bytes() >> 20);
        }
    }
}
