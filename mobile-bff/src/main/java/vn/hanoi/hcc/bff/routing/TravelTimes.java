package vn.hanoi.hcc.bff.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.geo.LatLon;

/**
 * Travel times from an origin to destinations: the road engine's where one is configured and
 * answers, the heuristic's for the rest (per destination: an engine that cannot place one point on
 * its roads still times the others). The embedded graph gives free-flow times; the hour's traffic is
 * applied to them as to the heuristic: the mode's base speed over its speed at that hour.
 */
@Service
public class TravelTimes {

    private static final Logger log = LoggerFactory.getLogger(TravelTimes.class);

    private final HeuristicTravelTimes heuristic;
    private final Optional<RoadEngine> engine;
    private final MeterRegistry meters;

    @Autowired
    TravelTimes(HeuristicTravelTimes heuristic, ObjectProvider<RoadEngine> engine, MeterRegistry meters) {
        this(heuristic, Optional.ofNullable(engine.getIfAvailable()), meters);
    }

    private TravelTimes(HeuristicTravelTimes heuristic, Optional<RoadEngine> engine, MeterRegistry meters) {
        this.heuristic = heuristic;
        this.engine = engine;
        this.meters = meters;
    }

    /** Travel times from this engine, or from the heuristic alone when it is null (tests, benchmarks). */
    public static TravelTimes of(HeuristicTravelTimes heuristic, RoadEngine engine, MeterRegistry meters) {
        return new TravelTimes(heuristic, Optional.ofNullable(engine), meters);
    }

    /** A destination and its geodesic distance from the origin. */
    public record Destination(LatLon position, double distanceMeters) {}

    /** Whether a road engine will be asked for this mode. */
    public boolean usesEngine(TravelMode mode) {
        return engine.filter(roads -> roads.serves(mode)).isPresent();
    }

    /** How many destinations one engine request may carry. */
    public int engineCapacity() {
        return engine.map(RoadEngine::maxDestinations).orElse(0);
    }

    /** One time per destination, in order; never fails (the heuristic answers for the engine). */
    public Mono<List<TravelTime>> from(
            LatLon origin, List<Destination> destinations, TravelMode mode, LocalTime leaving) {
        List<TravelTime> estimated = destinations.stream()
                .map(destination -> new TravelTime(
                        heuristic.minutes(mode, destination.distanceMeters(), leaving), Estimate.HEURISTIC))
                .toList();
        if (!usesEngine(mode)) {
            return Mono.just(estimated);
        }
        RoadEngine roads = engine.get();
        double overheadMinutes = heuristic.overheadMinutes(mode);
        double traffic = roads.freeFlow() ? heuristic.trafficFactor(mode, leaving) : 1;
        return roads.seconds(
                        mode,
                        origin,
                        destinations.stream().map(Destination::position).toList())
                .map(seconds -> merge(seconds, estimated, overheadMinutes, traffic, roads.label()))
                .onErrorResume(failure -> {
                    meters.counter("hcc.travel.heuristic.fallbacks", "reason", reason(failure))
                            .increment();
                    log.debug("Road engine gave no times, using the heuristic: {}", failure.toString());
                    return Mono.just(estimated);
                })
                .defaultIfEmpty(estimated);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "budget";
        }
        if (failure instanceof RejectedExecutionException) {
            return "busy";
        }
        return "error";
    }

    private static List<TravelTime> merge(
            List<Double> seconds, List<TravelTime> estimated, double overheadMinutes, double traffic, Estimate label) {
        List<TravelTime> times = new ArrayList<>(estimated.size());
        for (int i = 0; i < estimated.size(); i++) {
            Double routed = seconds.get(i);
            times.add(
                    routed == null || routed < 0
                            ? estimated.get(i)
                            : new TravelTime(overheadMinutes + routed * traffic / 60, label));
        }
        return times;
    }

    /**
     * A bound no trip of this straight-line length can beat, in the minutes {@link #from} answers:
     * the overhead plus the distance at the graph's highest speed (or the heuristic's, if higher),
     * slowed by the hour's traffic. Empty without a road graph (an OSRM service's speeds are unknown).
     */
    public OptionalDouble quickestPossibleMinutes(TravelMode mode, double meters, LocalTime leaving) {
        return engine.flatMap(RoadEngine::graph)
                .map(graph -> {
                    TravelProperties.Mode parameters = heuristic.parameters(mode);
                    double kmh = Math.max(graph.fastestKmh(mode), parameters.baseKmh() / parameters.detourFactor());
                    return OptionalDouble.of(heuristic.overheadMinutes(mode)
                            + meters / 1000 / kmh * 60 * heuristic.trafficFactor(mode, leaving));
                })
                .orElse(OptionalDouble.empty());
    }

    /**
     * How far the roads reach towards these points within the target time, leaving at this hour:
     * empty without a road graph (an OSRM service has no shortest-path trees to offer). CPU work,
     * done on the caller's thread: call it from a worker.
     */
    public Optional<RoadReach> reach(TravelMode mode, List<LatLon> points, LocalTime leaving) {
        return engine.flatMap(RoadEngine::graph)
                .map(graph -> RoadReach.compute(
                        graph,
                        mode,
                        points,
                        heuristic.target().maxTravelMinutes(),
                        heuristic.overheadMinutes(mode),
                        heuristic.trafficFactor(mode, leaving),
                        meters -> engine.get().offRoadSeconds(mode, meters)));
    }
}
