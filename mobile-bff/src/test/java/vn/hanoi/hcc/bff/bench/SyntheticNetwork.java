package vn.hanoi.hcc.bff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * A synthetic national network: points scattered around Vietnam's main towns, more around the
 * larger ones, the same every time (fixed seed); and origins drawn the same way.
 */
public final class SyntheticNetwork {

    /** lat, lon, weight (a rough share of population). */
    private static final double[][] TOWNS = {
        {21.03, 105.85, 9}, {10.78, 106.70, 10}, {20.86, 106.68, 2}, {16.05, 108.20, 1.3}, {10.03, 105.78, 1.3},
        {16.46, 107.59, 1.1}, {12.24, 109.19, 1.2}, {18.68, 105.68, 3}, {13.78, 109.22, 1.5}, {12.67, 108.04, 1.9},
        {11.94, 108.44, 1.3}, {21.59, 105.85, 1.3}, {20.43, 106.18, 1.8}, {19.81, 105.78, 3.7}, {20.95, 107.08, 1.3},
        {22.49, 103.97, 0.8}, {21.39, 103.02, 0.6}, {9.18, 105.15, 1.2}, {10.01, 105.08, 1.7}, {10.95, 106.82, 3.1},
        {10.35, 107.08, 1.2}, {13.98, 108.00, 1.5}, {15.12, 108.80, 1.2}, {17.47, 106.60, 0.9}, {21.33, 103.91, 1.3},
        {22.67, 106.26, 0.5}, {21.85, 106.76, 0.8}, {10.54, 106.41, 1.7}, {9.60, 105.97, 1.2}, {21.32, 105.40, 1.5}
    };

    private SyntheticNetwork() {}

    public static List<LatLon> points(int count, long seed) {
        return scatter(count, new Random(seed), 0.35);
    }

    public static List<LatLon> origins(int count, long seed) {
        return scatter(count, new Random(seed), 0.25);
    }

    private static List<LatLon> scatter(int count, Random random, double spreadDegrees) {
        double total = 0;
        for (double[] town : TOWNS) {
            total += town[2];
        }
        List<LatLon> positions = new ArrayList<>(count);
        while (positions.size() < count) {
            double pick = random.nextDouble() * total;
            double[] town = TOWNS[TOWNS.length - 1];
            for (double[] candidate : TOWNS) {
                pick -= candidate[2];
                if (pick <= 0) {
                    town = candidate;
                    break;
                }
            }
            positions.add(new LatLon(
                    town[0] + random.nextGaussian() * spreadDegrees, town[1] + random.nextGaussian() * spreadDegrees));
        }
        return positions;
    }
}
