package vn.hanoi.hcc.bff.background;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reactive loop that runs in the background as long as the application does: subscribed when the
 * context starts, disposed when it stops (before the connection pools close).
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private volatile Disposable running;

    /** Subscribes the loop; null when this replica does not run it. */
    protected abstract Disposable begin();

    /**
     * Runs {@code work} after {@code first}, then every {@code period}, one run at a time (a tick
     * that comes while a run is going is dropped). A failed run is logged and the next tick tries
     * again: the loop itself never ends before the application does.
     */
    protected static Disposable every(Duration first, Duration period, String what, Supplier<Mono<?>> work) {
        return Flux.interval(first, period)
                .onBackpressureDrop()
                .concatMap(
                        tick -> work.get().onErrorResume(failure -> {
                            log.warn("{} failed; trying again in {}: {}", what, period, failure.toString());
                            return Mono.empty();
                        }),
                        0)
                .subscribe();
    }

    @Override
    public final void start() {
        running = begin();
    }

    @Override
    public final void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public final boolean isRunning() {
        return running != null;
    }
}
