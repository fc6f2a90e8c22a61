package vn.hanoi.hcc.testsupport.rules;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in the test JVM of every module on this one: short waits inside the
 * libraries both services run on (each module adds its own in a list of its own). Every entry says
 * why the call cannot stall an event loop. Registered through this module's {@code META-INF/services}.
 */
public class LibraryBlockHoundAllowList implements BlockHoundIntegration {

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
        // a thread waits microseconds. Seen under 60 concurrent lookups (the BFF's LookupThrottleApiTest).
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        // Jackson builds a type's deserializer once, under a ReentrantLock held only while it is
        // built (tools.jackson.databind.deser.DeserializerCache); two threads reading the same type
        // for the first time at once wait microseconds, then the cached one serves both.
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
        // OpenTelemetry's batch span processor puts each ended span in its queue (an
        // ArrayBlockingQueue, offer: never waits for room, drops when full) under the queue's lock,
        // held for one insertion. Spans end on event loops (every R2DBC statement's, every request's),
        // so two ending at once wait microseconds; BlockHound threw from inside R2DBC's connection,
        // which closed with a request in flight that never answered (the BFF's SpanQueueContentionTest).
        builder.allowBlockingCallsInside("io.opentelemetry.sdk.trace.export.BatchSpanProcessor$Worker", "addSpan");
    }
}
