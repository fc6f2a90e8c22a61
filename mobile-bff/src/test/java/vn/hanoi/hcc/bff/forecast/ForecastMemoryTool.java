package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;

/**
 * What 10,000 procedure × agency distributions cost a replica in memory: the production
 * {@link DistributionTable} built from realistic keys (procedure codes at ward agencies, 40 results
 * each), the heap measured around it after collections, in a JVM of its own
 * ({@code bench/forecast-backtest.sh} runs it). Prints one line of Markdown.
 *
 * <pre>java -cp … vn.hanoi.hcc.bff.forecast.ForecastMemoryTool [pairs]</pre>
 */
public final class ForecastMemoryTool {

    private ForecastMemoryTool() {}

    public static void main(String[] args) throws InterruptedException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long before = usedAfterCollection();
        DistributionTable table = table(pairs);
        long after = usedAfterCollection();
        if (table.size() != pairs) {
            throw new IllegalStateException("built " + table.size() + " groups, not " + pairs);
        }
        long bytes = after - before;
        System.out.printf(
                "%,d procedure × agency distributions (101 percentiles and a count each, with their keys): "
                        + "%,d KiB of heap, %,d bytes per pair, %.1f MiB per 10,000 pairs.%n",
                pairs, bytes / 1024, bytes / pairs, bytes * 10_000.0 / pairs / (1024 * 1024));
    }

    private static DistributionTable table(int pairs) {
        Random random = new Random(10_000);
        Map<Group, DurationDistribution> groups = new HashMap<>();
        for (int i = 0; i < pairs; i++) {
            String key = "1.00" + (1000 + i / 20) + "@H26." + (10 + i % 20) + "." + (100 + random.nextInt(900));
            long[] seconds = random.longs(40, 3_600, 40 * 28_800).toArray();
            groups.put(new Group(ForecastLevel.PROCEDURE_AT_AGENCY, key), DurationDistribution.ofSamples(seconds));
        }
        return DistributionTable.of(1, Instant.EPOCH, Instant.now(), groups);
    }

    private static long usedAfterCollection() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
