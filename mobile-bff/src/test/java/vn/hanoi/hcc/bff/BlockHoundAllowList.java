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
        // springdoc builds the OpenAPI document once, under a lock, on the first request for it; a
        // second request arriving meanwhile waits for that lock, once. Clients read the gateway's
        // committed copy (docs/openapi.yaml); the BFF's is internal, for the build check and drills.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}
