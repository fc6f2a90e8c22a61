package vn.hanoi.hcc.bff.forecast;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.ProcessingClock;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;
import vn.hanoi.hcc.bff.forecast.ForecastRepository.Finished;
import vn.hanoi.hcc.bff.forecast.ForecastRepository.State;
import vn.hanoi.hcc.bff.point.PointIndex;

/**
 * Keeps the shared distributions current, one replica at a time: in one transaction that holds the
 * state row ({@code FOR UPDATE SKIP LOCKED}: a replica that finds it held skips its turn), samples
 * the results recorded since the last position (their working time in the current calendar),
 * moves the window to end now, and rebuilds the groups that gained a sample or lost one to the
 * window, under a new version. A backlog is drained one batch per transaction.
 */
@Component
class ForecastRefresher {

    private static final Logger log = LoggerFactory.getLogger(ForecastRefresher.class);

    private final ForecastRepository repository;
    private final PointIndex points;
    private final ForecastProperties properties;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ForecastRefresher(
            ForecastRepository repository,
            PointIndex points,
            ForecastProperties properties,
            ReactiveTransactionManager transactionManager,
            Clock clock) {
        this.repository = repository;
        this.points = points;
        this.properties = properties;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.clock = clock;
    }

    /** Refreshes until no backlog is left; the number of groups rebuilt. */
    Mono<Integer> refresh() {
        return points.snapshot()
                .map(snapshot -> new ProcessingClock(snapshot.calendar()))
                .flatMap(processing -> once(processing)
                        .expand(batch -> batch.full() ? once(processing) : Mono.empty())
                        .reduce(0, (groups, batch) -> groups + batch.groups()));
    }

    /** One batch: how many groups were rebuilt, and whether more results wait. */
    record Batch(int groups, boolean full) {}

    private Mono<Batch> once(ProcessingClock processing) {
        return transactions.transactional(repository
                .claim()
                .flatMap(state -> repository
                        .finishedAfter(state.lastTxid(), state.lastEventId(), properties.batchSize())
                        .collectList()
                        .flatMap(finished -> sample(processing, finished)
                                .flatMap(groups -> advance(state, finished, groups))
                                .map(groups -> new Batch(groups, finished.size() == properties.batchSize())))));
    }

    /** Samples these results; the groups that gained one. */
    private Mono<Set<Group>> sample(ProcessingClock processing, List<Finished> finished) {
        if (finished.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<Long> ids = finished.stream().map(Finished::dossierId).toList();
        return repository
                .timelines(ids)
                .collectMultimap(ForecastRepository.TimelineRow::dossierId, ForecastRepository.TimelineRow::event)
                .flatMap(timelines -> {
                    List<Long> sampled = new ArrayList<>();
                    List<Integer> seconds = new ArrayList<>();
                    timelines.forEach((id, events) -> processing
                            .finished(List.copyOf(events))
                            .ifPresent(duration -> {
                                sampled.add(id);
                                seconds.add(Math.toIntExact(duration.toSeconds()));
                            }));
                    return repository.insertSamples(sampled, seconds).collect(LinkedHashSet::new, Set::add);
                });
    }

    /** Moves the window and the position, rebuilds the changed groups; their number. */
    private Mono<Integer> advance(State state, List<Finished> finished, Set<Group> gained) {
        Instant to = clock.instant();
        Instant from = to.minus(properties.window());
        Instant dropFrom = state.windowFrom().isAfter(from) ? from : state.windowFrom();
        Mono<Finished> position = finished.isEmpty()
                ? repository.settledEnd().defaultIfEmpty(new Finished(state.lastTxid(), state.lastEventId(), 0))
                : Mono.just(finished.get(finished.size() - 1));
        return Mono.zip(
                        position,
                        repository.groupsFinishedBetween(dropFrom, from).collectList())
                .flatMap(found -> {
                    Set<Group> changed = new LinkedHashSet<>(gained);
                    changed.addAll(found.getT2());
                    long version = changed.isEmpty() ? state.version() : state.version() + 1;
                    State next = new State(found.getT1().txid(), found.getT1().eventId(), from, to, version);
                    Mono<Long> rebuilt = changed.isEmpty() ? Mono.just(0L) : repository.rebuild(changed, from, version);
                    return rebuilt.then(repository.save(next)).thenReturn(changed.size());
                })
                .doOnNext(groups -> {
                    if (groups > 0) {
                        log.info("Forecast refresh: {} results sampled, {} groups rebuilt", finished.size(), groups);
                    }
                });
    }
}
