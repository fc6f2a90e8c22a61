package vn.hanoi.hcc.bff.point;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelTime;
import vn.hanoi.hcc.bff.routing.TravelTimes;

/**
 * Where can I file, and how long will it take to get there? Ranks active points by travel time
 * from the index in memory: never filtered by the caller's ward (phi địa giới), only by what the
 * query asks (open now, a procedure field).
 */
@Service
public class NearestPointService {

    private static final int MIN_ROUTED_CANDIDATES = 10;
    private static final Comparator<NearbyPoint> QUICKEST_FIRST = Comparator.comparingDouble(
                    (NearbyPoint nearby) -> nearby.travel().minutes())
            .thenComparingDouble(NearbyPoint::distanceMeters)
            .thenComparing(nearby -> nearby.point().id());

    private final PointIndex index;
    private final TravelTimes travel;
    private final HeuristicTravelTimes model;
    private final Clock clock;
    private final Counter capped;

    NearestPointService(
            PointIndex index, TravelTimes travel, HeuristicTravelTimes model, Clock clock, MeterRegistry meters) {
        this.index = index;
        this.travel = travel;
        this.model = model;
        this.clock = clock;
        this.capped = Counter.builder("hcc.travel.road.shortlist.capped")
                .description("Nearest queries whose shortlist ended before the roads proved the quickest points found")
                .register(meters);
    }

    public Mono<NearestPoints> nearest(NearestQuery query) {
        Instant now = clock.instant();
        LocalTime leaving = LocalTime.ofInstant(now, OpeningHours.ZONE);
        return index.snapshot().flatMap(snapshot -> {
            Optional<ProcedureField> field =
                    query.field().map(code -> snapshot.field(code).orElseThrow(NearestQuery::unknownField));
            Predicate<ServicePoint> matches =
                    point -> field.map(wanted -> wanted.servedAt(point)).orElse(true)
                            && (!query.openNow() || snapshot.isOpen(point, now));
            if (!travel.usesEngine(query.mode())) {
                List<RankedPoint> candidates = snapshot.nearest(query.origin(), query.limit(), matches);
                return time(query, candidates, List.of(), leaving)
                        .map(times -> answer(query, snapshot, candidates, times, now));
            }
            // one beyond the engine's capacity, to tell a shortlist that ran out from one that ended
            List<RankedPoint> shortlist = snapshot.nearest(query.origin(), travel.engineCapacity() + 1, matches);
            return timeOnRoads(query, shortlist, List.of(), leaving).map(times -> {
                List<RankedPoint> routed = shortlist.subList(0, times.size());
                return answer(query, snapshot, routed, times, now);
            });
        });
    }

    /**
     * Routes the shortlist (nearest first) in growing batches, until the next candidate's distance
     * alone proves it cannot beat the quickest {@code limit} found so far: no road trip is quicker
     * than its straight line at the graph's highest speed. The first batch is {@code max(3 × limit,
     * 10)}; each next one doubles what is routed, up to the engine's capacity (when even that does
     * not settle it, {@code hcc.travel.road.shortlist.capped} counts the query).
     */
    private Mono<List<TravelTime>> timeOnRoads(
            NearestQuery query, List<RankedPoint> shortlist, List<TravelTime> timed, LocalTime leaving) {
        int routed = timed.size();
        int batch = routed == 0 ? Math.max(query.limit() * 3, MIN_ROUTED_CANDIDATES) : routed;
        int routable = Math.min(shortlist.size(), travel.engineCapacity());
        List<RankedPoint> next = shortlist.subList(routed, Math.min(routable, routed + batch));
        return time(query, next, timed, leaving).flatMap(times -> {
            if (times.size() == shortlist.size()) {
                return Mono.just(times);
            }
            double kth = times.stream()
                    .mapToDouble(TravelTime::minutes)
                    .sorted()
                    .skip(Math.min(query.limit(), times.size()) - 1)
                    .findFirst()
                    .orElse(Double.POSITIVE_INFINITY);
            OptionalDouble bound = travel.quickestPossibleMinutes(
                    query.mode(), shortlist.get(times.size()).distanceMeters(), leaving);
            if (bound.isEmpty() || bound.getAsDouble() >= kth) {
                return Mono.just(times);
            }
            if (times.size() >= travel.engineCapacity()) {
                capped.increment();
                return Mono.just(times);
            }
            return timeOnRoads(query, shortlist, times, leaving);
        });
    }

    /** The times of these candidates appended to those already timed. */
    private Mono<List<TravelTime>> time(
            NearestQuery query, List<RankedPoint> candidates, List<TravelTime> timed, LocalTime leaving) {
        List<TravelTimes.Destination> destinations = candidates.stream()
                .map(ranked -> new TravelTimes.Destination(ranked.point().position(), ranked.distanceMeters()))
                .toList();
        return travel.from(query.origin(), destinations, query.mode(), leaving).map(times -> {
            List<TravelTime> all = new ArrayList<>(timed.size() + times.size());
            all.addAll(timed);
            all.addAll(times);
            return all;
        });
    }

    private NearestPoints answer(
            NearestQuery query,
            PointSnapshot snapshot,
            List<RankedPoint> candidates,
            List<TravelTime> times,
            Instant now) {
        List<NearbyPoint> nearby = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            RankedPoint ranked = candidates.get(i);
            TravelTime time = times.get(i);
            nearby.add(new NearbyPoint(
                    ranked.point(),
                    ranked.distanceMeters(),
                    time,
                    model.withinTarget(ranked.distanceMeters(), time.minutes()),
                    snapshot.isOpen(ranked.point(), now)));
        }
        boolean anyWithinTarget = nearby.stream().anyMatch(NearbyPoint::withinTarget);
        nearby.sort(QUICKEST_FIRST);
        List<NearbyPoint> best = nearby.subList(0, Math.min(query.limit(), nearby.size()));
        return new NearestPoints(query, model.target(), anyWithinTarget, List.copyOf(best));
    }
}
