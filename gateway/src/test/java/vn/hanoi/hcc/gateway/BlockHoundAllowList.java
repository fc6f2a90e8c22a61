package vn.hanoi.hcc.gateway;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in the gateway's test JVM. Every entry says why the call cannot stall
 * an event loop.
 */
public class BlockHoundAllowList implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Lettuce guards its command queue with SharedLock: a ReentrantLock held only around a
        // few compare-and-set operations (io.lettuce.core.protocol.SharedLock), so a writer waits
        // microseconds when two threads write to the shared connection at once. BlockHound would
        // throw from inside the lock's queue, leaving it wedged (redis/lettuce#2510).
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
        // Netty's adaptive allocator frees a retired magazine's memory under that magazine's
        // StampedLock (io.netty.buffer.AdaptivePoolingAllocator$Magazine.free), taken only when
        // allocations contend and the allocator grows its magazines: a few field updates, no I/O, so
        // a thread waits microseconds (seen in the BFF's tests under 60 concurrent requests).
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        // Jackson builds a type's deserializer once, under a ReentrantLock held only while it is
        // built (tools.jackson.databind.deser.DeserializerCache); two threads reading the same type
        // for the first time at once wait microseconds, then the cached one serves both.
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
        // Netty's default allocator (AdaptivePoolingAllocator) adds a magazine when threads contend
        // for one, freeing the spare under a StampedLock held for a few field updates; the thread
        // that loses the race waits microseconds (seen with several large bodies in flight at once).
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        // Resilience4j's circuit breakers count calls in a sliding window under a ReentrantLock
        // held only while one outcome is added or a snapshot read (a few array updates): requests
        // of one route finishing together on two event loops wait microseconds for each other.
        for (String window : new String[] {"io.github.resilience4j.core.metrics.FixedSizeSlidingWindowMetrics",
                "io.github.resilience4j.core.metrics.SlidingTimeWindowMetrics"}) {
            builder.allowBlockingCallsInside(window, "record");
            builder.allowBlockingCallsInside(window, "getSnapshot");
        }
    }
}
