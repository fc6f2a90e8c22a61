package vn.hanoi.hcc.gateway;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in the gateway's test JVM besides test-support's
 * {@code LibraryBlockHoundAllowList} (Lettuce, Netty, Jackson). Every entry says why the call
 * cannot stall an event loop.
 */
public class BlockHoundAllowList implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Netty's default allocator (AdaptivePoolingAllocator) adds a magazine when threads contend
        // for one, freeing the spare under a StampedLock held for a few field updates; the thread
        // that loses the race waits microseconds (seen with several large bodies in flight at once).
        builder.allowBlockingCallsInside(
                "io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        // Resilience4j's circuit breakers count calls in a sliding window under a ReentrantLock
        // held only while one outcome is added or a snapshot read (a few array updates): requests
        // of one route finishing together on two event loops wait microseconds for each other.
        for (String window : new String[] {
            "io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics",
            "io.github.resilience4j.core.metrics.SlidingTimeWindowMetrics"
        }) {
            builder.allowBlockingCallsInside(window, "record");
            builder.allowBlockingCallsInside(window, "getSnapshot");
        }
    }
}
