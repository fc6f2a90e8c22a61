package vn.hanoi.hcc.bff;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound lets pass in the BFF's test JVM besides test-support's
 * {@code LibraryBlockHoundAllowList} (Lettuce, Netty, Jackson). Every entry says why the call
 * cannot stall an event loop.
 */
public class BlockHoundAllowList implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Hibernate Validator reads each message bundle from its jar once per locale, on the first
        // constraint violation, then serves it from memory.
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle");
    }
}
