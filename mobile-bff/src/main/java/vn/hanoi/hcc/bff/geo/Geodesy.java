package vn.hanoi.hcc.bff.geo;

/**
 * Distances on the WGS84 ellipsoid.
 *
 * <p>{@link #distanceMeters} is Vincenty's inverse formula (T. Vincenty, "Direct and inverse
 * solutions of geodesics on the ellipsoid", Survey Review 23(176), 1975), accurate to well under a
 * millimetre wherever it converges, which is everywhere but for nearly antipodal positions; there it
 * falls back to the great-circle distance on the mean sphere (within 0.5 %), a case no service point
 * query can meet within the target distance anyway.
 *
 * <p>{@link #latitudeSpan} and {@link #longitudeSpan} bound how far in degrees a path of a given
 * length can reach, so a box built from them holds every position within that distance.
 */
public final class Geodesy {

    /** WGS84 semi-major axis, metres. */
    public static final double A = 6_378_137.0;
    /** WGS84 flattening. */
    public static final double F = 1 / 298.257223563;
    /** Semi-minor axis, metres. */
    public static final double B = A * (1 - F);
    /** Mean radius R1 = (2a + b) / 3, metres. */
    public static final double MEAN_RADIUS = (2 * A + B) / 3;

    private static final double E2 = F * (2 - F);
    /** The smallest meridional radius of curvature (at the equator): a (1 - e²). */
    private static final double MIN_MERIDIONAL_RADIUS = A * (1 - E2);

    private static final int MAX_ITERATIONS = 200;
    private static final double CONVERGED = 1e-12;

    private Geodesy() {}

    /** The geodesic distance between two positions given in degrees, in metres. */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double l = Math.toRadians(normalizedLongitudeDifference(lon2 - lon1));
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);

        double lambda = l;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double crossTerm = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            double sinSigma = Math.sqrt(cosU2 * sinLambda * cosU2 * sinLambda + crossTerm * crossTerm);
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cos2Alpha = 1 - sinAlpha * sinAlpha;
            // on the equator cos²α is 0 and the term vanishes
            double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            double previous = lambda;
            lambda = l
                    + (1 - c)
                            * F
                            * sinAlpha
                            * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < CONVERGED) {
                return ellipsoidalLength(cos2Alpha, sinSigma, cosSigma, sigma, cos2SigmaM);
            }
        }
        return greatCircleMeters(lat1, lon1, lat2, lon2);
    }

    private static double ellipsoidalLength(
            double cos2Alpha, double sinSigma, double cosSigma, double sigma, double cos2SigmaM) {
        double uSquared = cos2Alpha * (A * A - B * B) / (B * B);
        double a = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        double b = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        double deltaSigma = b
                * sinSigma
                * (cos2SigmaM
                        + b
                                / 4
                                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                                        - b
                                                / 6
                                                * cos2SigmaM
                                                * (-3 + 4 * sinSigma * sinSigma)
                                                * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * a * (sigma - deltaSigma);
    }

    /** The haversine distance on the mean sphere, in metres. */
    static double greatCircleMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * The largest latitude difference, in degrees, between two positions at most this far apart:
     * every step north or south along any path costs at least the smallest meridional radius.
     */
    public static double latitudeSpan(double meters) {
        return Math.toDegrees(meters / MIN_MERIDIONAL_RADIUS);
    }

    /**
     * The largest longitude difference, in degrees, between two positions at most this far apart
     * when the whole path stays at or below {@code maxAbsLatitude}: every step east or west costs
     * at least a·cos(φ) per radian there. {@code 360} when the bound is useless (near a pole).
     */
    public static double longitudeSpan(double meters, double maxAbsLatitude) {
        if (maxAbsLatitude >= 89.999) {
            return 360;
        }
        double span = Math.toDegrees(meters / (A * Math.cos(Math.toRadians(maxAbsLatitude))));
        return Math.min(span, 360);
    }

    /**
     * Earth-centred Cartesian coordinates (metres) of a position on the ellipsoid's surface. The
     * straight-line (chord) distance between two of them never exceeds their geodesic distance,
     * which makes it a cheap lower bound for pruning.
     */
    public static double[] cartesian(double lat, double lon) {
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double sinPhi = Math.sin(phi);
        double n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
        double cosPhi = Math.cos(phi);
        return new double[] {n * cosPhi * Math.cos(lambda), n * cosPhi * Math.sin(lambda), n * (1 - E2) * sinPhi};
    }

    /** The straight-line distance between two {@link #cartesian} positions, in metres. */
    public static double chord(double[] from, double[] to) {
        double dx = from[0] - to[0];
        double dy = from[1] - to[1];
        double dz = from[2] - to[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double normalizedLongitudeDifference(double degrees) {
        double difference = degrees % 360;
        if (difference > 180) {
            return difference - 360;
        }
        return difference < -180 ? difference + 360 : difference;
    }
}
