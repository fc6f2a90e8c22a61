package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationDistributionTest {

    @Test
    void keepsTheHundredAndOnePercentilesOfItsSamples() {
        long[] seconds = new long[201];
        Arrays.setAll(seconds, i -> 200 - i);
        DurationDistribution distribution = DurationDistribution.ofSamples(seconds);
        assertThat(distribution.count()).isEqualTo(201);
        assertThat(distribution.percentiles()).hasSize(101).startsWith(0, 2, 4).endsWith(198, 200);
        assertThat(distribution.quantile(0.5)).isEqualTo(Duration.ofSeconds(100));
        assertThat(distribution.quantile(0.805)).isEqualTo(Duration.ofSeconds(161));
    }

    @Test
    void interpolatesBetweenOrderStatisticsAsPostgresDoes() {
        // percentile_cont(0.5) of {10, 20, 40, 80} is 30; of 0.25, 17.5
        DurationDistribution distribution = DurationDistribution.ofSamples(new long[] {80, 10, 40, 20});
        assertThat(distribution.quantile(0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(distribution.percentiles()[25]).isEqualTo(18);
    }

    @Test
    void conditionsOnTheTimeAlreadySpent() {
        DurationDistribution hours = ForecastFixtures.spread(101, 0, 100);
        // 71 of the 101 took 30 h or more: 30, 31, ..., 100, whose median is 65 h
        assertThat(hours.comparableCount(Duration.ofHours(30))).isEqualTo(71);
        assertThat(hours.conditionalQuantile(0.5, Duration.ofHours(30))).isEqualTo(Duration.ofHours(65));
        assertThat(hours.conditionalQuantile(0.8, Duration.ofHours(30))).isEqualTo(Duration.ofHours(86));
        assertThat(hours.conditionalQuantile(0.5, Duration.ZERO)).isEqualTo(Duration.ofHours(50));
        assertThat(hours.comparableCount(Duration.ZERO)).isEqualTo(101);
    }

    @Test
    void hasNoComparableDossierBeyondTheLongest() {
        DurationDistribution hours = ForecastFixtures.spread(50, 10, 20);
        assertThat(hours.comparableCount(Duration.ofHours(21))).isZero();
        assertThat(hours.conditionalQuantile(0.5, Duration.ofHours(21))).isEqualTo(Duration.ofHours(21));
        assertThat(hours.fractionBelow(Duration.ofHours(5))).isZero();
    }

    @Test
    void readsConditionalQuantilesOffItsPercentilesCloseToTheSamplesThemselves() {
        Random random = new Random(17);
        long[] seconds = new long[5_000];
        Arrays.setAll(seconds, i -> Math.round(Math.exp(11 + 0.6 * random.nextGaussian())));
        DurationDistribution distribution = DurationDistribution.ofSamples(seconds);
        long[] sorted = seconds.clone();
        Arrays.sort(sorted);
        for (long spent : new long[] {0, 40_000, 60_000, 100_000, 150_000}) {
            long[] rest = Arrays.stream(sorted).filter(s -> s >= spent).toArray();
            Duration exactMedian = Duration.ofSeconds(rest[rest.length / 2]);
            assertThat(distribution.comparableCount(Duration.ofSeconds(spent)))
                    .isCloseTo(rest.length, within(seconds.length / 100));
            assertThat(distribution
                            .conditionalQuantile(0.5, Duration.ofSeconds(spent))
                            .toSeconds())
                    .isCloseTo(exactMedian.toSeconds(), within(exactMedian.toSeconds() * 3 / 100));
        }
    }

    @Test
    void refusesWhatIsNotADistribution() {
        assertThatThrownBy(() -> DurationDistribution.ofSamples(new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationDistribution.of(10, new int[100]))
                .isInstanceOf(IllegalArgumentException.class);
        int[] decreasing = new int[101];
        decreasing[0] = 5;
        assertThatThrownBy(() -> DurationDistribution.of(10, decreasing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForecastFixtures.spread(10, 1, 2).quantile(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
