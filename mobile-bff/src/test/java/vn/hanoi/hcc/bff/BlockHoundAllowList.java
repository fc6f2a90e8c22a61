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
        // Hibernate Validator keeps each validated type's metadata in a ConcurrentReferenceHashMap,
        // whose segment lock is held only while the entry is put, the first time the type is
        // validated (BeanMetaDataManagerImpl.getBeanMetaData): requests validating the same body
        // type for the first time at once wait microseconds. Seen in a burst of 48 what-ifs
        // (WhatIfIsolationTest), answered 500 when BlockHound threw inside the lock.
        builder.allowBlockingCallsInside(
                "org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl", "getBeanMetaData");
        // springdoc builds the OpenAPI document once, under a lock, on the first request for it; a
        // second request arriving meanwhile waits for that lock, once. Clients read the gateway's
        // committed copy (docs/openapi.yaml); the BFF's is internal, for the build check and drills.
        builder.allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi");
    }
}
