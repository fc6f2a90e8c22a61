package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;

/**
 * What waits in an outbox: the pending messages, and how long the oldest has waited since it was
 * written (zero when none waits).
 */
public record Backlog(long pending, Duration oldestAge) {

    public static final Backlog EMPTY = new Backlog(0, Duration.ZERO);
}
