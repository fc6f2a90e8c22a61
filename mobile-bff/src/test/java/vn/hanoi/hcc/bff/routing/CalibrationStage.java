package vn.hanoi.hcc.bff.routing;

import static vn.hanoi.hcc.bff.routing.RoadGraphBench.progress;
import static vn.hanoi.hcc.bff.routing.RoadGraphBench.setting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import vn.hanoi.hcc.bff.geo.Geodesy;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * The heuristic held against the roads, per mode: over random pairs of positions on the extract's
 * ways, at least 300 m apart and each within 10 m of the mode's roads, the road distance over the
 * geodesic distance (what {@code detour-factor} stands for) and the free-flow speed, road distance
 * over road time (what {@code base-kmh} stands for outside the traffic bands), overall and by
 * distance band.
 */
final class CalibrationStage {

    private static final double MIN_APART_METERS = 300;
    private static final double ON_ROAD_METERS = 10;
    private static final double[] BANDS = {300, 600, 900, Double.POSITIVE_INFINITY};
    private static final Map<TravelMode, String> PROFILES =
            Map.of(TravelMode.MOTORBIKE, "motorcycle", TravelMode.WALK, "foot", TravelMode.CAR, "car");
    private static final List<TravelMode> MODES = List.of(TravelMode.MOTORBIKE, TravelMode.WALK, TravelMode.CAR);

    /** One pair's trip: geodesic metres, road metres and free-flow seconds, metres from each end to its road. */
    private record Trip(double geodesicMeters, double roadMeters, double seconds, double offRoadMeters) {

        double detour() {
            return (roadMeters + offRoadMeters) / geodesicMeters;
        }

        double kmh() {
            return roadMeters / seconds * 3.6;
        }
    }

    private CalibrationStage() {}

    static String run(BenchRoads roads, Path osm) throws IOException {
        int pairs = Math.max(1, setting("pairs", 2000));
        RoadPositions ways = RoadPositions.read(osm, RoadPositions.ANY);
        StringBuilder overall = new StringBuilder();
        StringBuilder banded = new StringBuilder();
        for (TravelMode mode : MODES) {
            List<Trip> trips = trips(roads, ways, mode, pairs, new Random(43 + mode.ordinal()));
            Samples detour = samples(trips, Trip::detour);
            Samples kmh = samples(trips, Trip::kmh);
            TravelProperties.Mode configured = roads.properties().modes().get(mode);
            overall.append("| %s (%s) | %,d | %.2f (%.2f) | %.1f km/h (%.1f) | %.2f, %.1f | **%.2f, %.1f** |%n"
                    .formatted(
                            mode.code(),
                            PROFILES.get(mode),
                            trips.size(),
                            detour.median(),
                            detour.percentile(90),
                            kmh.median(),
                            kmh.percentile(90),
                            configured.detourFactor(),
                            configured.baseKmh(),
                            detour.median(),
                            kmh.median()));
            banded.append(bands(mode, trips));
            progress("calibration %s: %d pairs, detour-factor %.2f, base-kmh %.1f suggested"
                    .formatted(mode.code(), trips.size(), detour.median(), kmh.median()));
        }
        return """
                | mode (profile) | pairs | road ÷ geodesic distance, median (p90) | free-flow road speed, median (p90) | configured detour-factor, base-kmh | suggested (the medians) |
                |---|---|---|---|---|---|
                %s

                By geodesic distance (median road ÷ geodesic, median speed, pairs):

                | mode | 300–600 m | 600–900 m | ≥ 900 m |
                |---|---|---|---|
                %s
                """.formatted(overall.toString().strip(), banded.toString().strip())
                .strip();
    }

    private static List<Trip> trips(BenchRoads roads, RoadPositions ways, TravelMode mode, int count, Random random) {
        List<Trip> trips = new ArrayList<>(count);
        for (int attempt = 0; attempt < count * 50 && trips.size() < count; attempt++) {
            LatLon from = ways.onRoad(random);
            LatLon to = ways.onRoad(random);
            double geodesic = Geodesy.distanceMeters(from.lat(), from.lon(), to.lat(), to.lon());
            if (geodesic < MIN_APART_METERS || !onRoads(roads, mode, from) || !onRoads(roads, mode, to)) {
                continue;
            }
            RoadGraph.Route route = roads.graph().route(mode, from, to);
            if (route != null && route.seconds() > 0) {
                trips.add(new Trip(geodesic, route.meters(), route.seconds(), route.offRoadMeters()));
            }
        }
        return trips;
    }

    private static boolean onRoads(BenchRoads roads, TravelMode mode, LatLon position) {
        RoadGraph.Placement placement = roads.graph().place(mode, position);
        return placement.onGraph() && placement.offRoadMeters() <= ON_ROAD_METERS;
    }

    private static Samples samples(List<Trip> trips, ToDoubleFunction<Trip> value) {
        return new Samples(trips.stream().mapToDouble(value).toArray());
    }

    private static String bands(TravelMode mode, List<Trip> trips) {
        StringBuilder row = new StringBuilder("| " + mode.code() + " |");
        for (int band = 0; band + 1 < BANDS.length; band++) {
            double low = BANDS[band];
            double high = BANDS[band + 1];
            List<Trip> within = trips.stream()
                    .filter(trip -> trip.geodesicMeters() >= low && trip.geodesicMeters() < high)
                    .toList();
            row.append(" %.2f, %.1f km/h (%,d) |"
                    .formatted(
                            samples(within, Trip::detour).median(),
                            samples(within, Trip::kmh).median(),
                            within.size()));
        }
        return row.append(System.lineSeparator()).toString();
    }
}
