package vn.hanoi.hcc.bff.notification;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.config.BackgroundLoop;

/**
 * Forgets tokens no app has registered for {@code hcc.bff.push.device-max-idle} (60 days): FCM
 * stops delivering to such tokens anyway. One idempotent DELETE every {@code prune-interval}, so
 * any number of replicas may run it.
 */
@Component
class DevicePruner extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DevicePruner.class);

    private final DatabaseClient db;
    private final PushProperties properties;

    DevicePruner(DatabaseClient db, PushProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    @Override
    protected Disposable begin() {
        return every(Duration.ofMinutes(1), properties.pruneInterval(), "Pruning idle devices", this::prune);
    }

    /** The number of tokens forgotten. */
    Mono<Long> prune() {
        return db.sql("DELETE FROM device WHERE last_seen_at < now() - make_interval(secs => :idle)")
                .bind("idle", (double) properties.deviceMaxIdle().toSeconds())
                .fetch().rowsUpdated()
                .doOnNext(pruned -> {
                    if (pruned > 0) {
                        log.info("Forgot {} device tokens unused for {} days", pruned, properties.deviceMaxIdle().toDays());
                    }
                });
    }
}
