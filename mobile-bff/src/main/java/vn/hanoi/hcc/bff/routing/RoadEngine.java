package vn.hanoi.hcc.bff.routing;

import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * Road travel times from one origin to many destinations: the embedded graph or an OSRM service,
 * whichever the configuration names ({@code hcc.bff.travel.engine}). Times are free-flow seconds on
 * the roads; {@link TravelTimes} adds the hour's traffic and the fixed overhead, and the heuristic
 * answers for every destination an engine leaves without a time.
 */
public interface RoadEngine {

    /** How the times it gives are labelled in answers. */
    Estimate label();

    /** Whether it is asked for this mode at all. */
    boolean serves(TravelMode mode);

    /** How many destinations one question may carry. */
    int maxDestinations();

    /**
     * Free-flow seconds to each destination, in order; null where it has no time (off its graph, no
     * road, or out of budget). May fail or be empty: the heuristic then answers for all of them.
     */
    Mono<List<Double>> seconds(TravelMode mode, LatLon origin, List<LatLon> destinations);

    /**
     * Whether its times are free-flow, to which {@link TravelTimes} adds the hour's traffic. An OSRM
     * service may carry traffic already (its segment speed files), so it is taken as it answers.
     */
    default boolean freeFlow() {
        return false;
    }

    /** The road graph itself, for shortest-path trees; only the embedded engine has one. */
    default Optional<RoadGraph> graph() {
        return Optional.empty();
    }

    /** Seconds to cover this distance between a position and its road. */
    default double offRoadSeconds(TravelMode mode, double meters) {
        return 0;
    }
}
