package vn.hanoi.hcc.bff.point;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Ready only once the point index is loaded: before that, nearest-point queries would wait. */
@Component
class PointIndexHealthIndicator implements ReactiveHealthIndicator {

    private final PointIndex index;

    PointIndexHealthIndicator(PointIndex index) {
        this.index = index;
    }

    @Override
    public Mono<Health> health() {
        if (!index.isLoaded()) {
            return Mono.just(
                    Health.down().withDetail("reason", "not loaded yet").build());
        }
        return index.snapshot()
                .map(snapshot -> Health.up()
                        .withDetail("version", snapshot.version())
                        .withDetail("activePoints", snapshot.points().size())
                        .build());
    }
}
