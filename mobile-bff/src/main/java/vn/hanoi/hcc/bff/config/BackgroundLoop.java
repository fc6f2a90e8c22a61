package vn.hanoi.hcc.bff.config;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * A reactive loop that runs in the background as long as the application does: subscribed when the
 * context starts, disposed when it stops (before the connection pools close).
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private volatile Disposable running;

    /** Subscribes the loop; null when this replica does not run it. */
    protected abstract Disposable begin();

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
