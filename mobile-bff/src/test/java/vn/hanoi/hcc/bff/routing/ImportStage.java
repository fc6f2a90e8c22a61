package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.Footprint.mib;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;

import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The extract's import ({@link RoadGraph#build}: reading the OpenStreetMap file, three profiles'
 * contraction hierarchies), each into a fresh directory, the first in a cold JVM as in a graph job;
 * its size on disk; and the heap the loaded graph holds (used heap after collection with it open
 * minus without).
 */
final class ImportStage {

    private ImportStage() {}

    static String run(Path osm, Path work) throws Exception {
        int imports = Math.max(1, RoadGraphBench.setting("imports", 5));
        double cold = 0;
        double[] warm = new double[imports];
        Path built = null;
        for (int i = 0; i <= imports; i++) {
            if (built != null) {
                Footprint.delete(built);
            }
            built = Files.createTempDirectory(work, "import-");
            long started = System.nanoTime();
            RoadGraph.build(osm, built);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (i == 0) {
                cold = seconds;
            } else {
                warm[i - 1] = seconds;
            }
            progress("import %d of %d: %.2f s".formatted(i + 1, imports + 1, seconds));
        }
        long disk = Footprint.diskBytes(built);
        String heap = heap(built);
        Footprint.delete(built);
        Samples warmImports = new Samples(warm);
        return """
                | what | figure |
                |---|---|
                | import, the first in a cold JVM (as the graph job runs it) | %.2f s |
                | import, warm, median (min–max) of %d | %.2f s (%.2f–%.2f) |
                | on disk | %s |
                %s
                """.formatted(cold, imports, warmImports.median(), warmImports.min(), warmImports.max(), mib(disk), heap)
                .strip();
    }

    /** Opens the built graph (as the BFF does at startup) and weighs it on the heap: table rows. */
    private static String heap(Path built) throws Exception {
        long without = Footprint.usedHeapAfterGc();
        long started = System.nanoTime();
        RoadGraph graph = RoadGraph.open(null, built, 200);
        double openMillis = (System.nanoTime() - started) / 1e6;
        long with = Footprint.usedHeapAfterGc();
        String rows = """
                | loading the built graph (RoadGraph.open, BFF startup) | %.0f ms |
                | junctions, road segments | %,d, %,d |
                | heap held by the loaded graph (used heap after GC with it open − before opening it) | %s (RoadGraph.bytes(): %s) |
                """.formatted(openMillis, graph.nodes(), graph.edges(), mib(with - without), mib(graph.bytes()))
                .strip();
        Reference.reachabilityFence(graph);
        graph.close();
        progress("heap: %s with the graph, %s without".formatted(mib(with), mib(without)));
        return rows;
    }
}
