package vn.hanoi.hcc.bff.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Doubling, capped, jittered into the upper half. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30));

    @Test
    void doublesFromTheFirstWaitUpToTheCapWithJitterInTheUpperHalf() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
            assertThat(backoff.after(40)).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30));
        }
    }
}
