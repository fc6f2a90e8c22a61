package vn.hanoi.hcc.testsupport.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the leak check works in the test JVM of the module that extends this: paranoid detection
 * is on, a buffer dropped without {@code release()} is reported, and a report fails the check.
 */
public abstract class LeakDetectionContract {

    @Test
    void tracksEveryBuffer() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void reportsABufferNobodyReleasedAndFailsTheCheck() {
        LeakRecorder.assertNoLeaks("the deliberate leak"); // nothing pending from before
        dropWithoutRelease();

        assertThatThrownBy(() -> LeakRecorder.assertNoLeaks("the deliberate leak"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Netty buffer leak(s) reported during or before the deliberate leak")
                .hasMessageContaining("LeakDetectionContract.dropWithoutRelease");
        assertThat(LeakRecorder.collect()).as("a report is collected once").isEmpty();
    }

    @Test
    void letsOnlyTheKnownDriverLeakPass() {
        dropWithoutRelease();
        List<String> reports = LeakRecorder.collect();

        assertThat(reports).isNotEmpty().noneMatch(KnownDriverLeak::matches);
        assertThat(KnownDriverLeak.matches("LEAK: DataRow.release() was not called before it's garbage-collected.\n"
                        + "Created at:\n\tio.r2dbc.postgresql.message.backend.DataRow.<init>(DataRow.java:37)"))
                .isTrue();
    }

    private static void dropWithoutRelease() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(64);
        leaked.writeLong(42L);
    }
}
