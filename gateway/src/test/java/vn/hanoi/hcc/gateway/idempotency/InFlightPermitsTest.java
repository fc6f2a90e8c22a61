package vn.hanoi.hcc.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Per client, at most the cap in flight; a permit goes back once, however often it is released. */
class InFlightPermitsTest {

    private final InFlightPermits permits = new InFlightPermits(new IdempotencyProperties(
            Duration.ofHours(24),
            Duration.ofSeconds(60),
            DataSize.ofMegabytes(1),
            Duration.ofMillis(500),
            Base64.getEncoder().encodeToString(new byte[32]),
            2));

    @Test
    void grantsEachClientItsCapAndNoMore() {
        InFlightPermits.Permit first = permits.tryAcquire("a").orElseThrow();
        permits.tryAcquire("a").orElseThrow();

        assertThat(permits.tryAcquire("a")).isEmpty();
        assertThat(permits.tryAcquire("b")).isPresent();

        first.release();
        first.release();
        assertThat(permits.inFlight("a")).isEqualTo(1);
        assertThat(permits.tryAcquire("a")).isPresent();
        assertThat(permits.tryAcquire("a")).isEmpty();
    }

    @Test
    void forgetsAClientOnceItHasNothingInFlight() {
        permits.tryAcquire("c").orElseThrow().release();

        assertThat(permits.inFlight("c")).isZero();
    }
}
