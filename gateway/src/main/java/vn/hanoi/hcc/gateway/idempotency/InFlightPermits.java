package vn.hanoi.hcc.gateway.idempotency;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * How many idempotent requests each client has in flight on this replica, up to
 * {@code max-in-flight-per-client}. Counted here, not in Redis: what it protects is this replica's
 * memory and connections and the BFF behind them, and a count that needs no round trip can refuse
 * a flood before it costs anything. With n replicas a client may have n times the cap in flight.
 */
@Component
class InFlightPermits {

    private final int perClient;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    InFlightPermits(IdempotencyProperties properties) {
        this.perClient = properties.maxInFlightPerClient();
    }

    int perClient() {
        return perClient;
    }

    /** A permit for one more request of this client, or none while it has the cap in flight. */
    Optional<Permit> tryAcquire(String clientId) {
        boolean[] granted = {false};
        inFlight.compute(clientId, (client, count) -> {
            int current = count == null ? 0 : count;
            granted[0] = current < perClient;
            return granted[0] ? current + 1 : count;
        });
        return granted[0] ? Optional.of(new Permit(clientId)) : Optional.empty();
    }

    /** How many requests of this client are in flight here now. */
    int inFlight(String clientId) {
        return inFlight.getOrDefault(clientId, 0);
    }

    /** One request's place; given back once, however the request ends. */
    final class Permit {

        private final String clientId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String clientId) {
            this.clientId = clientId;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                // the entry goes with the last request, so that the map holds only clients now active
                inFlight.computeIfPresent(clientId, (client, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
