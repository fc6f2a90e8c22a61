package vn.hanoi.hcc.bff.point;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.hanoi.hcc.bff.background.BackgroundLoop;
import vn.hanoi.hcc.bff.cache.RedisSignals;

/**
 * Keeps this replica's point index current: loads it at startup, reloads it within a second or
 * so of a change announced on Redis, and, in case a signal was lost (Redis down, a replica
 * reconnecting), compares versions with the database every {@code safety-refresh}.
 */
@Component
class PointIndexRefresher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(PointIndexRefresher.class);

    private final PointIndex index;
    private final RedisSignals signals;
    private final PointIndexProperties properties;

    PointIndexRefresher(PointIndex index, RedisSignals signals, PointIndexProperties properties) {
        this.index = index;
        this.signals = signals;
        this.properties = properties;
    }

    @Override
    protected Disposable begin() {
        Disposable periodic =
                every(Duration.ZERO, properties.safetyRefresh(), "Point index check", () -> refresh("periodic check"));
        Disposable onSignal = signals.listen(properties.signalChannel())
                .concatMap(message -> refresh("signal"))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn(
                                "Point change signals unavailable, retrying: {}",
                                retry.failure().toString())))
                .subscribe();
        return Disposables.composite(periodic, onSignal);
    }

    private Mono<PointSnapshot> refresh(String reason) {
        return index.refreshIfBehind().onErrorResume(failure -> {
            log.warn("Could not refresh the point index ({}): {}", reason, failure.toString());
            return Mono.empty();
        });
    }
}
