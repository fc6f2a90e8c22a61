package vn.hanoi.hcc.bff.routing;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The road graph's benchmark, one stage per JVM (bench/road-graph.sh runs them in turn): {@code
 * import}, {@code nearest}, {@code coverage}, {@code calibration}, {@code shortlist} on the
 * OpenStreetMap extract, {@code city} on a synthetic grid of a city's size. Each writes its figures
 * as Markdown to the file {@code bench.out} names and prints a progress line per step.
 *
 * <p>Settings are system properties ({@code bench.osm}, {@code bench.work}, {@code bench.iterations}
 * and the others each stage names), every random draw from a fixed seed, so that two runs measure
 * the same trips.
 */
public final class RoadGraphBench {

    private RoadGraphBench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length != 1) {
            System.err.println("usage: RoadGraphBench import|nearest|coverage|calibration|shortlist|city");
            System.exit(2);
        }
        Path osm =
                Path.of(System.getProperty("bench.osm", "mobile-bff/src/main/resources/osm/van-mieu-quoc-tu-giam.osm"));
        Path work = Path.of(System.getProperty("bench.work", "target/bench/road-graph"));
        Files.createDirectories(work);
        String markdown = switch (args[0]) {
            case "import" -> ImportStage.run(osm, work);
            case "city" -> CityStage.run(work);
            default -> onExtract(args[0], osm, work);
        };
        Files.writeString(
                Path.of(System.getProperty(
                        "bench.out", work.resolve(args[0] + ".md").toString())),
                markdown);
        // the engine's routing workers are not daemons
        System.exit(0);
    }

    private static String onExtract(String stage, Path osm, Path work) throws Exception {
        try (BenchRoads roads = BenchRoads.open(osm, work.resolve("extract-graph"))) {
            progress("graph open: %d junctions".formatted(roads.graph().nodes()));
            return switch (stage) {
                case "nearest" -> NearestStage.run(roads, osm);
                case "coverage" -> CoverageStage.run(roads, osm);
                case "calibration" -> CalibrationStage.run(roads, osm);
                case "shortlist" -> ShortlistStage.run(roads, osm);
                default -> throw new IllegalArgumentException("No stage " + stage);
            };
        }
    }

    /** A setting: the system property {@code bench.<name>}, else the default. */
    static int setting(String name, int otherwise) {
        return Integer.getInteger("bench." + name, otherwise);
    }

    /** One line on the console, with the seconds since the JVM started. */
    static void progress(String message) {
        System.out.printf(
                "  [%6.1f s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, message);
    }
}
