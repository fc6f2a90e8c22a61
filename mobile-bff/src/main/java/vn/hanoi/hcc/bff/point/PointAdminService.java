package vn.hanoi.hcc.bff.point;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.cache.RedisSignals;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/**
 * The Center edits the point network: points (added, moved, closed, their hours) and public
 * holidays. After each change this replica reloads its index and tells the others through Redis;
 * a replica that misses the signal catches up at its next safety refresh.
 */
@Service
public class PointAdminService {

    private static final Logger log = LoggerFactory.getLogger(PointAdminService.class);

    private final PointAdminRepository repository;
    private final PointService points;
    private final PointIndex index;
    private final RedisSignals signals;
    private final PointIndexProperties properties;

    PointAdminService(
            PointAdminRepository repository,
            PointService points,
            PointIndex index,
            RedisSignals signals,
            PointIndexProperties properties) {
        this.repository = repository;
        this.points = points;
        this.index = index;
        this.signals = signals;
        this.properties = properties;
    }

    /** A point as stored, and whether this call created it. */
    public record SavedPoint(ServicePoint point, boolean created) {}

    /**
     * Creates or replaces a point.
     *
     * @param editor who made the change (recorded as the point's source)
     * @throws InvalidRequestException if the ward does not exist
     */
    public Mono<SavedPoint> put(String id, PointDraft draft, String editor) {
        return repository
                .upsert(id, draft, "ops:" + editor)
                .switchIfEmpty(Mono.error(() -> InvalidRequestException.of("wardCode", "no ward has this code")))
                .flatMap(created -> announce().then(points.get(id)).map(point -> new SavedPoint(point, created)));
    }

    public Flux<Holiday> holidays(int year) {
        return repository.holidays(year);
    }

    /** Creates or renames a holiday: whether it was created. */
    public Mono<Boolean> putHoliday(LocalDate day, String name, String editor) {
        return repository
                .putHoliday(new Holiday(day, name, "ops:" + editor))
                .flatMap(created -> announce().thenReturn(created));
    }

    /** Removes a holiday if there is one (idempotent). */
    public Mono<Void> deleteHoliday(LocalDate day) {
        return repository
                .deleteHoliday(day)
                .flatMap(deleted -> deleted > 0 ? announce() : Mono.empty())
                .then();
    }

    /** Reloads here, then tells the other replicas; a lost signal only delays them. */
    private Mono<Void> announce() {
        return index.refreshIfBehind()
                .flatMap(snapshot -> signals.publish(properties.signalChannel(), Long.toString(snapshot.version())))
                .onErrorResume(failure -> {
                    log.warn(
                            "Point change not announced (replicas catch up within {}): {}",
                            properties.safetyRefresh(),
                            failure.toString());
                    return Mono.empty();
                })
                .then();
    }
}
