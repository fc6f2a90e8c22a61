package vn.hanoi.hcc.bff.pointrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.hanoi.hcc.bff.background.BackgroundLoop;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.pointrecord.PointRecordRepository.Received;
import vn.hanoi.hcc.bff.rating.Satisfaction;
import vn.hanoi.hcc.bff.rating.SatisfactionService;

/**
 * Keeps the points' records current on every replica. Every {@code check}, each replica tries to
 * claim the refresh (due once the last is {@code refresh-every} old); the one that wins computes
 * every point's record and writes them in one transaction, only if its claim still holds. Then each
 * replica reloads the records if their generation moved.
 */
@Component
class PointRecordRefresher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(PointRecordRefresher.class);

    private final PointRecordRepository repository;
    private final PointRecordStore store;
    private final PointIndex index;
    private final SatisfactionService satisfaction;
    private final TransactionalOperator transactions;
    private final PointRecordProperties properties;

    PointRecordRefresher(
            PointRecordRepository repository,
            PointRecordStore store,
            PointIndex index,
            SatisfactionService satisfaction,
            ReactiveTransactionManager transactionManager,
            PointRecordProperties properties) {
        this.repository = repository;
        this.store = store;
        this.index = index;
        this.satisfaction = satisfaction;
        this.transactions = TransactionalOperator.create(transactionManager);
        this.properties = properties;
    }

    @Override
    protected Disposable begin() {
        return every(Duration.ZERO, properties.check(), "Point records", this::tick);
    }

    /** Refreshes the records if due and this replica wins the claim, then reloads them if they changed. */
    Mono<Long> tick() {
        return refreshIfDue()
                .onErrorResume(failure -> {
                    log.warn("Could not refresh the points' records: {}", failure.toString());
                    return Mono.just(false);
                })
                .then(store.reloadIfChanged());
    }

    /** Whether this replica claimed a due refresh and wrote it. */
    Mono<Boolean> refreshIfDue() {
        return Mono.defer(() -> {
            UUID claim = newClaim();
            return repository
                    .claim(claim, properties.refreshEvery(), properties.lease())
                    .flatMap(to -> refresh(claim, to.minus(RecordFigures.WINDOW), to)
                            .timeout(properties.lease())
                            .onErrorResume(failure -> repository.release(claim).then(Mono.error(failure))))
                    .defaultIfEmpty(false);
        });
    }

    /** A claim only needs to differ from every other: no secure random (it may block reading entropy). */
    private static UUID newClaim() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }

    private Mono<Boolean> refresh(UUID claim, Instant from, Instant to) {
        long started = System.nanoTime();
        return compute(from, to)
                .flatMap(records -> repository
                        .settle(claim, from, to)
                        .flatMap(generation -> repository.replaceAll(records).thenReturn(records.size()))
                        .as(transactions::transactional))
                .map(points -> {
                    log.info(
                            "Points' records refreshed: {} points, window {} to {}, in {} ms",
                            points,
                            from,
                            to,
                            (System.nanoTime() - started) / 1_000_000);
                    return true;
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.warn("Points' records computed after the claim's lease ran out: not written");
                    return false;
                }));
    }

    /** Every point's counts over the window. */
    private Mono<List<StoredRecord>> compute(Instant from, Instant to) {
        Mono<RecordTally> finished = index.snapshot()
                .flatMap(snapshot -> repository
                        .finished(from, to)
                        // working-time arithmetic per dossier: off the connection's event loop
                        .publishOn(Schedulers.parallel())
                        .reduceWith(() -> new RecordTally(snapshot.calendar()), RecordTally::add));
        Mono<Map<String, Long>> received = repository.received(from, to).collectMap(Received::pointId, Received::count);
        Mono<Map<String, Satisfaction>> rated = satisfaction
                .pointsSince(from)
                .map(all -> all.stream().collect(Collectors.toMap(Satisfaction::id, Function.identity())));
        return Mono.zip(repository.pointIds().collectList(), received, finished, rated)
                .map(all -> all.getT1().stream()
                        .map(point -> record(point, all.getT2(), all.getT3(), all.getT4()))
                        .toList());
    }

    private static StoredRecord record(
            String point, Map<String, Long> received, RecordTally finished, Map<String, Satisfaction> rated) {
        RecordTally.Finished done = finished.of(point);
        Satisfaction ratings = rated.get(point);
        return new StoredRecord(
                point,
                received.getOrDefault(point, 0L),
                done.count(),
                done.onTimeOrEarly(),
                done.medianWorkingMinutes(),
                ratings == null ? 0 : ratings.ratings(),
                ratings == null ? 0 : ratings.satisfied());
    }
}
