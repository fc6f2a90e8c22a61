package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before another attempt: {@code first × 2^(attempt-1)}, at most {@code max}, times a
 * random factor in [0.5, 1) so that failures that happened together are not retried together.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the given attempt (1 for the first). */
    public Duration after(int attempt) {
        long capped = Math.min(max.toMillis(), first.toMillis() << Math.min(Math.max(attempt - 1, 0), 30));
        return Duration.ofMillis(
                (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble() / 2)));
    }
}
