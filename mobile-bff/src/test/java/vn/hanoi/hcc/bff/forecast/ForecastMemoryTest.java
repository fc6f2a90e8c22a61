package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;

/**
 * What 10,000 procedure × agency distributions cost a replica in memory: the table built from
 * realistic keys, the heap measured around it (after collections), the figure in
 * target/forecast-memory.txt and in mobile-bff/README.md.
 */
class ForecastMemoryTest {

    private static final int PAIRS = 10_000;

    @Test
    void tenThousandPairsHoldInAFewMegabytes() throws Exception {
        long before = usedAfterCollection();
        DistributionTable table = table();
        long after = usedAfterCollection();
        long perPair = (after - before) / PAIRS;
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "forecast-memory.txt"),
                "10,000 procedure x agency distributions: " + (after - before) / 1024 + " KiB, " + perPair
                        + " bytes per pair\n");
        assertThat(table.size()).isEqualTo(PAIRS);
        assertThat(perPair).isBetween(400L, 1_500L);
    }

    private static DistributionTable table() {
        Random random = new Random(10_000);
        Map<Group, DurationDistribution> groups = new HashMap<>();
        for (int i = 0; i < PAIRS; i++) {
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
