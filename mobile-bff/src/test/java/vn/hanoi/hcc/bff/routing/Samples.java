package vn.hanoi.hcc.bff.routing;

import java.util.Arrays;
import java.util.List;

/** Measured values, sorted once; percentiles by nearest rank (the p-th value of the sorted samples). */
final class Samples {

    private final double[] sorted;

    Samples(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    static Samples of(List<Double> values) {
        return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Nanosecond timings, as microseconds. */
    static Samples micros(long[] nanos) {
        return new Samples(Arrays.stream(nanos).mapToDouble(nano -> nano / 1e3).toArray());
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value at least {@code percent} % of the samples are at or below; NaN when empty. */
    double percentile(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** The share of samples above this value, 0 to 1. */
    double shareAbove(double value) {
        return sorted.length == 0
                ? Double.NaN
                : Arrays.stream(sorted).filter(sample -> sample > value).count() / (double) sorted.length;
    }
}
