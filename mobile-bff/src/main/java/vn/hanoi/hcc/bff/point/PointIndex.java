package vn.hanoi.hcc.bff.point;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This replica's in-memory view of the point network: the newest {@link PointSnapshot} it has
 * loaded. Readers get the current snapshot without touching the database; {@link #refreshIfBehind}
 * loads a new one when the database's version has moved on.
 */
@Component
public class PointIndex {

    private static final Logger log = LoggerFactory.getLogger(PointIndex.class);

    private final PointNetworkRepository repository;
    private final AtomicReference<PointSnapshot> current = new AtomicReference<>();
    private final Sinks.Many<PointSnapshot> changes = Sinks.many().replay().latest();
    /** Shared by the requests that arrive before the first load; a failure is not remembered. */
    private final Mono<PointSnapshot> firstLoad;

    PointIndex(PointNetworkRepository repository) {
        this.repository = repository;
        this.firstLoad = Mono.defer(this::load).cacheInvalidateIf(snapshot -> false);
    }

    /** The current snapshot; loads the first one if none is loaded yet. */
    public Mono<PointSnapshot> snapshot() {
        PointSnapshot snapshot = current.get();
        return snapshot != null ? Mono.just(snapshot) : firstLoad;
    }

    /** Whether a snapshot has been loaded (readiness). */
    public boolean isLoaded() {
        return current.get() != null;
    }

    /** Every new snapshot installed from now on (the latest one first, if any). */
    public Flux<PointSnapshot> changes() {
        return changes.asFlux();
    }

    /** Loads a new snapshot if the database holds a newer version than this replica; the current one. */
    public Mono<PointSnapshot> refreshIfBehind() {
        return repository.version().flatMap(version -> {
            PointSnapshot snapshot = current.get();
            return snapshot != null && snapshot.version() >= version ? Mono.just(snapshot) : load();
        });
    }

    private Mono<PointSnapshot> load() {
        return repository.load().map(this::install);
    }

    /** Keeps the newer of the current and the loaded snapshot (two loads may race). */
    private PointSnapshot install(PointSnapshot loaded) {
        PointSnapshot kept = current.accumulateAndGet(
                loaded, (old, fresh) -> old == null || fresh.version() > old.version() ? fresh : old);
        if (kept == loaded) {
            log.info(
                    "Point index at version {}: {} active points",
                    loaded.version(),
                    loaded.points().size());
            changes.emitNext(loaded, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        }
        return kept;
    }
}
