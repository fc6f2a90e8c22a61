package vn.hanoi.hcc.bff.notification;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.background.BackgroundLoop;

/**
 * Forgets tokens no app has registered for {@code hcc.bff.push.device-max-idle} (60 days): FCM
 * stops delivering to such tokens anyway. One idempotent DELETE every {@code prune-interval}, so
 * any number of replicas may run it.
 */
@Component
class DevicePruner extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DevicePruner.class);

    private final DeviceRepository devices;
    private final PushProperties properties;

    DevicePruner(DeviceRepository devices, PushProperties properties) {
        this.devices = devices;
        this.properties = properties;
    }

    @Override
    protected Disposable begin() {
        return every(Duration.ofMinutes(1), properties.pruneInterval(), "Pruning idle devices", this::prune);
    }

    /** The number of tokens forgotten. */
    Mono<Long> prune() {
        return devices.forgetIdle(properties.deviceMaxIdle()).doOnNext(pruned -> {
            if (pruned > 0) {
                log.info(
                        "Forgot {} device tokens unused for {} days",
                        pruned,
                        properties.deviceMaxIdle().toDays());
            }
        });
    }
}
