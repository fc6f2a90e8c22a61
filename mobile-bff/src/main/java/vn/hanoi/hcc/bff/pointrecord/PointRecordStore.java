package vn.hanoi.hcc.bff.pointrecord;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.point.PointRecord;
import vn.hanoi.hcc.bff.point.PointRecords;

/**
 * This replica's copy of every point's record, as shown publicly: built once per generation, so
 * that a request only looks a point up. Reloaded when the database's generation moves.
 */
@Component
class PointRecordStore implements PointRecords {

    /** One generation's records as shown, and what a point without a row shows (one newer than the refresh). */
    private record Published(long generation, Map<String, PointRecord> records, PointRecord absent) {}

    private static final Published NONE = new Published(0, Map.of(), null);

    private final PointRecordRepository repository;
    private final Clock clock;
    private final AtomicReference<Published> current = new AtomicReference<>(NONE);

    PointRecordStore(PointRecordRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public PointRecord of(String pointId) {
        Published published = current.get();
        if (published.absent() == null) {
            return RecordFigures.notYetComputed(clock.instant());
        }
        return published.records().getOrDefault(pointId, published.absent());
    }

    /** The generation this replica shows; 0 before it has loaded any. */
    long generation() {
        return current.get().generation();
    }

    /** Loads the records if the database holds a newer generation than this replica shows. */
    Mono<Long> reloadIfChanged() {
        return repository
                .generation()
                .flatMap(generation -> generation == generation()
                        ? Mono.just(generation)
                        : repository.load().map(this::install));
    }

    /** Keeps the newer of the shown and the loaded generation (two loads may race). */
    private long install(RecordTable table) {
        if (table.to() == null) {
            return generation();
        }
        Map<String, PointRecord> records = table.records().values().stream()
                .collect(Collectors.toUnmodifiableMap(
                        StoredRecord::pointId, stored -> RecordFigures.publish(stored, table.from(), table.to())));
        PointRecord absent = RecordFigures.publish(new StoredRecord("", 0, 0, 0, null, 0, 0), table.from(), table.to());
        Published loaded = new Published(table.generation(), records, absent);
        return current.accumulateAndGet(loaded, (old, fresh) -> fresh.generation() > old.generation() ? fresh : old)
                .generation();
    }
}
