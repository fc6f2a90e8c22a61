package vn.hanoi.hcc.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A replica's leases: grown only by demand, spent at most as far as granted, dropped when stale. */
class TokenLeasesTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final TokenLeases leases = new TokenLeases(64, SECOND, now::get);

    @Test
    void takesOneTokenAtATimeForAClientThatCallsNowAndThen() {
        for (int i = 0; i < 3; i++) {
            assertThat(leases.take("b")).isNull();
            assertThat(leases.wanted("b", 120)).isEqualTo(1);
            leases.keep("b", 1, 1, decision(100));
            now.addAndGet(2 * SECOND);
        }
    }

    @Test
    void growsTheLeaseWhileItIsUsedUpInTimeUpToATenthOfTheBucket() {
        int wanted = leases.wanted("b", 120);
        int asked = 0;
        for (int round = 0; round < 6; round++) {
            leases.keep("b", wanted, wanted, decision(100));
            asked++;
            for (int spent = 1; spent < wanted; spent++) {
                assertThat(leases.take("b")).isNotNull();
            }
            assertThat(leases.take("b")).as("no more than granted").isNull();
            now.addAndGet(SECOND / 10);
            wanted = leases.wanted("b", 120);
        }
        assertThat(wanted).isEqualTo(12);
        assertThat(asked).isEqualTo(6);
    }

    @Test
    void spendsOnlyWhatRedisGrantedEvenWhenItGrantedLessThanWanted() {
        leases.keep("b", 8, 3, decision(0));

        assertThat(leases.take("b").remaining()).isEqualTo(1);
        assertThat(leases.take("b").remaining()).isZero();
        assertThat(leases.take("b")).isNull();
    }

    @Test
    void dropsALeaseNotSpentInTimeAndStartsSmallAgain() {
        leases.keep("b", 8, 8, decision(50));
        now.addAndGet(SECOND);

        assertThat(leases.take("b")).isNull();
        assertThat(leases.wanted("b", 120)).isEqualTo(1);
    }

    @Test
    void keepsBucketsApart() {
        leases.keep("anonymous\n203.0.113.7", 4, 4, decision(10));

        assertThat(leases.take("anonymous\n198.51.100.9")).isNull();
        assertThat(leases.take("anonymous\n203.0.113.7")).isNotNull();
    }

    private static Decision decision(long remaining) {
        return new Decision(true, 120, remaining, 3, 0, true);
    }
}
