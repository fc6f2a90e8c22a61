package vn.hanoi.hcc.bff.routing;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * Travel times from an origin to destinations: the routing engine's where it is configured and
 * answers, the heuristic's for the rest (per destination: an engine that finds no route to one
 * point still times the others).
 */
@Service
public class TravelTimes {

    private static final Logger log = LoggerFactory.getLogger(TravelTimes.class);

    private final HeuristicTravelTimes heuristic;
    private final OsrmTableClient osrm;

    TravelTimes(HeuristicTravelTimes heuristic, OsrmTableClient osrm) {
        this.heuristic = heuristic;
        this.osrm = osrm;
    }

    /** A destination and its geodesic distance from the origin. */
    public record Destination(LatLon position, double distanceMeters) {}

    /** Whether the routing engine will be asked for this mode. */
    public boolean usesEngine(TravelMode mode) {
        return osrm.serves(mode);
    }

    /** How many destinations one engine request may carry. */
    public int engineCapacity() {
        return osrm.maxDestinations();
    }

    /** One time per destination, in order; never fails (the heuristic answers for the engine). */
    public Mono<List<TravelTime>> from(
            LatLon origin, List<Destination> destinations, TravelMode mode, LocalTime leaving) {
        List<TravelTime> estimated = destinations.stream()
                .map(destination -> new TravelTime(
                        heuristic.minutes(mode, destination.distanceMeters(), leaving), Estimate.HEURISTIC))
                .toList();
        if (!osrm.serves(mode)) {
            return Mono.just(estimated);
        }
        double overheadMinutes = heuristic.overheadMinutes(mode);
        return osrm.durations(
                        mode,
                        origin,
                        destinations.stream().map(Destination::position).toList())
                .map(seconds -> merge(seconds, estimated, overheadMinutes))
                .onErrorResume(failure -> {
                    log.debug("Routing engine unavailable, using the heuristic: {}", failure.toString());
                    return Mono.just(estimated);
                })
                .defaultIfEmpty(estimated);
    }

    private static List<TravelTime> merge(List<Double> seconds, List<TravelTime> estimated, double overheadMinutes) {
        List<TravelTime> times = new ArrayList<>(estimated.size());
        for (int i = 0; i < estimated.size(); i++) {
            Double routed = seconds.get(i);
            times.add(
                    routed == null || routed < 0
                            ? estimated.get(i)
                            : new TravelTime(overheadMinutes + routed / 60, Estimate.OSRM));
        }
        return times;
    }
}
