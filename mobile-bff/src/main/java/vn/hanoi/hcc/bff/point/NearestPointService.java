package vn.hanoi.hcc.bff.point;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    NearestPointService(PointIndex index, TravelTimes travel, HeuristicTravelTimes model, Clock clock) {
        this.index = index;
        this.travel = travel;
        this.model = model;
        this.clock = clock;
    }

    public Mono<NearestPoints> nearest(NearestQuery query) {
        Instant now = clock.instant();
        return index.snapshot().flatMap(snapshot -> {
            Optional<ProcedureField> field =
                    query.field().map(code -> snapshot.field(code).orElseThrow(NearestQuery::unknownField));
            Predicate<ServicePoint> matches =
                    point -> field.map(wanted -> wanted.servedAt(point)).orElse(true)
                            && (!query.openNow() || snapshot.isOpen(point, now));
            List<RankedPoint> candidates = snapshot.nearest(query.origin(), candidateCount(query), matches);
            List<TravelTimes.Destination> destinations = candidates.stream()
                    .map(ranked -> new TravelTimes.Destination(ranked.point().position(), ranked.distanceMeters()))
                    .toList();
            return travel.from(query.origin(), destinations, query.mode(), LocalTime.ofInstant(now, OpeningHours.ZONE))
                    .map(times -> answer(query, snapshot, candidates, times, now));
        });
    }

    /** The routing engine may reorder points by time, so it is asked about more than the limit. */
    private int candidateCount(NearestQuery query) {
        if (!travel.usesEngine(query.mode())) {
            return query.limit();
        }
        return Math.min(Math.max(query.limit() * 3, MIN_ROUTED_CANDIDATES), travel.engineCapacity());
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
