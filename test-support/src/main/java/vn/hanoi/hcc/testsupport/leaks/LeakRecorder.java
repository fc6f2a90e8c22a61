package vn.hanoi.hcc.testsupport.leaks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The leaks Netty reported in this JVM and nobody has collected yet. Netty notices a leak only
 * when the buffer has been garbage-collected and a later allocation looks at the detector's
 * queue, so {@link #collect()} makes both happen before it answers.
 */
public final class LeakRecorder {

    /** Enough allocations for the detector to look at its queue whatever its sampling (1 in 128 at "simple"). */
    private static final int ALLOCATIONS = 512;

    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();

    private LeakRecorder() {}

    static void record(String report) {
        REPORTS.add(report);
    }

    /** Every leak of a buffer that is garbage now, once: the reports since the last call. */
    public static List<String> collect() {
        System.gc();
        try {
            Thread.sleep(50); // the reference handler thread enqueues the collected buffers
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < ALLOCATIONS; i++) {
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
        List<String> reports = new ArrayList<>();
        for (String report = REPORTS.poll(); report != null; report = REPORTS.poll()) {
            reports.add(report);
        }
        return reports;
    }

    /** Fails, naming the scope and showing every report, if any leak is collected now. */
    public static void assertNoLeaks(String scope) {
        List<String> reports = new ArrayList<>();
        for (String report : collect()) {
            if (KnownDriverLeak.matches(report)) {
                KnownDriverLeak.note(scope, report);
            } else {
                reports.add(report);
            }
        }
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " Netty buffer leak(s) reported during or before " + scope
                    + ":\n\n" + String.join("\n\n", reports));
        }
    }
}
