package vn.hanoi.hcc.bff.forecast;

import java.time.Duration;
import java.util.Arrays;

/**
 * The finished durations of a group of dossiers, in working seconds, kept compact: how many there
 * were and their 101 percentiles (0 %, 1 %, ..., 100 %, linearly interpolated between order
 * statistics, as PostgreSQL's {@code percentile_cont} computes them). Immutable.
 *
 * <p>Between percentiles the distribution is taken as linear, so the fraction of dossiers that took
 * less than a duration, and the quantiles of the dossiers that took at least as long as one still
 * running has already spent, are read off the same 101 numbers.
 */
public final class DurationDistribution {

    /** The percentiles kept: 0 to 100. */
    public static final int POINTS = 101;

    private final int count;
    private final int[] percentiles;

    private DurationDistribution(int count, int[] percentiles) {
        this.count = count;
        this.percentiles = percentiles;
    }

    /** From the 101 percentiles of {@code count} durations, in working seconds, non-decreasing. */
    public static DurationDistribution of(int count, int[] percentiles) {
        if (count < 1 || percentiles.length != POINTS) {
            throw new IllegalArgumentException("A distribution needs a count and " + POINTS + " percentiles");
        }
        for (int i = 0; i < POINTS; i++) {
            if (percentiles[i] < 0 || (i > 0 && percentiles[i] < percentiles[i - 1])) {
                throw new IllegalArgumentException("Percentiles must be non-negative and non-decreasing");
            }
        }
        return new DurationDistribution(count, percentiles.clone());
    }

    /** From the durations themselves, in working seconds. */
    public static DurationDistribution ofSamples(long[] workingSeconds) {
        if (workingSeconds.length == 0) {
            throw new IllegalArgumentException("No durations");
        }
        long[] sorted = workingSeconds.clone();
        Arrays.sort(sorted);
        int[] percentiles = new int[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double position = (sorted.length - 1) * i / 100.0;
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double value = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
            percentiles[i] = Math.toIntExact(Math.round(value));
        }
        return of(sorted.length, percentiles);
    }

    public int count() {
        return count;
    }

    /** A copy of the 101 percentiles. */
    public int[] percentiles() {
        return percentiles.clone();
    }

    /** The p-quantile (p in [0, 1]). */
    public Duration quantile(double p) {
        return Duration.ofSeconds(Math.round(quantileSeconds(p)));
    }

    /** The fraction of dossiers that took less than this working time. */
    public double fractionBelow(Duration spent) {
        long seconds = spent.toSeconds();
        if (seconds <= percentiles[0]) {
            return 0;
        }
        if (seconds > percentiles[POINTS - 1]) {
            return 1;
        }
        int i = 1;
        while (percentiles[i] < seconds) {
            i++;
        }
        double within = (double) (seconds - percentiles[i - 1]) / (percentiles[i] - percentiles[i - 1]);
        return (i - 1 + within) / 100.0;
    }

    /** How many dossiers took at least this long: the comparable ones for a dossier that has spent it. */
    public int comparableCount(Duration spent) {
        return (int) Math.round(count * (1 - fractionBelow(spent)));
    }

    /**
     * The p-quantile of the durations at least {@code spent} long (T ≥ spent): never less than
     * what is already spent.
     */
    public Duration conditionalQuantile(double p, Duration spent) {
        double below = fractionBelow(spent);
        double seconds = quantileSeconds(below + p * (1 - below));
        return Duration.ofSeconds(Math.max(Math.round(seconds), spent.toSeconds()));
    }

    private double quantileSeconds(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("A probability between 0 and 1: " + p);
        }
        double position = p * 100;
        int below = Math.min((int) Math.floor(position), POINTS - 2);
        return percentiles[below] + (position - below) * (percentiles[below + 1] - percentiles[below]);
    }
}
