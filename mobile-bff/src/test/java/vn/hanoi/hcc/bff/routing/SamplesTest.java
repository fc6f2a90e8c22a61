package vn.hanoi.hcc.bff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentilesAreNearestRanksOfTheSortedSamples() {
        Samples hundred = new Samples(
                IntStream.rangeClosed(1, 100).map(i -> 101 - i).asDoubleStream().toArray());

        assertThat(hundred.median()).isEqualTo(50);
        assertThat(hundred.percentile(90)).isEqualTo(90);
        assertThat(hundred.percentile(99)).isEqualTo(99);
        assertThat(hundred.percentile(100)).isEqualTo(100);
        assertThat(hundred.percentile(0)).isEqualTo(1);
        assertThat(hundred.min()).isEqualTo(1);
        assertThat(hundred.max()).isEqualTo(100);
        assertThat(hundred.shareAbove(90)).isEqualTo(0.1);
    }

    @Test
    void aFewSamplesRoundTheRankUp() {
        Samples three = Samples.of(List.of(30.0, 10.0, 20.0));

        assertThat(three.median()).isEqualTo(20);
        assertThat(three.percentile(99)).isEqualTo(30);
        assertThat(three.percentile(34)).isEqualTo(20);
    }

    @Test
    void timingsAreGivenInMicroseconds() {
        assertThat(Samples.micros(new long[] {2_500, 1_000}).max()).isEqualTo(2.5);
    }

    @Test
    void noSamplesHaveNoPercentiles() {
        Samples none = new Samples(new double[0]);

        assertThat(none.median()).isNaN();
        assertThat(none.max()).isNaN();
        assertThat(none.shareAbove(1)).isNaN();
    }
}
