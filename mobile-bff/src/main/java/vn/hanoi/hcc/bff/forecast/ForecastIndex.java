package vn.hanoi.hcc.bff.forecast;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/**
 * This replica's forecaster: the distributions it loaded (all at first, then the groups changed
 * since the version it holds) and the Center's calendar of the current point network. Reading it
 * is a field read; it is null until the first load.
 */
@Component
public class ForecastIndex {

    private static final Logger log = LoggerFactory.getLogger(ForecastIndex.class);

    private final ForecastRepository repository;
    private final PointIndex points;
    private final AtomicReference<Forecaster> current = new AtomicReference<>();

    ForecastIndex(ForecastRepository repository, PointIndex points) {
        this.repository = repository;
        this.points = points;
    }

    /** The current forecaster; empty before the first load. */
    public Optional<Forecaster> forecaster() {
        return Optional.ofNullable(current.get());
    }

    /** Loads what changed since the version held (and the current calendar); the forecaster. */
    Mono<Forecaster> reload() {
        return Mono.zip(repository.state(), points.snapshot()).flatMap(loaded -> {
            Forecaster held = current.get();
            DistributionTable table = held == null ? DistributionTable.EMPTY : held.table();
            ForecastRepository.State state = loaded.getT1();
            WorkingCalendar calendar = loaded.getT2().calendar();
            if (table.version() >= state.version()) {
                return Mono.just(install(table, calendar));
            }
            return repository
                    .changedBetween(table.version(), state.version())
                    .collectList()
                    .map(rows -> {
                        Map<Group, Optional<DurationDistribution>> changes = new HashMap<>();
                        rows.forEach(row -> changes.put(
                                row.group(),
                                row.count() == 0
                                        ? Optional.empty()
                                        : Optional.of(DurationDistribution.of(row.count(), row.percentiles()))));
                        DistributionTable next =
                                table.with(state.version(), state.windowFrom(), state.windowTo(), changes);
                        log.info("Forecast distributions at version {}: {} groups", next.version(), next.size());
                        return install(next, calendar);
                    });
        });
    }

    /** Keeps the newer table of the current and the loaded one (two loads may race). */
    private Forecaster install(DistributionTable table, WorkingCalendar calendar) {
        return current.accumulateAndGet(
                new Forecaster(table, calendar),
                (old, fresh) ->
                        old == null || fresh.table().version() >= old.table().version() ? fresh : old);
    }
}
