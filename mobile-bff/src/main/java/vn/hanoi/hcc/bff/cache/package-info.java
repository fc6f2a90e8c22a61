/**
 * Redis for the BFF's caches and counters: the contract module's shared connection
 * ({@code vn.hanoi.hcc.contract.redis.RedisConnection}: opened asynchronously, commands rejected at
 * once while it reconnects, back within {@code hcc.bff.cache.reconnect-interval} of Redis
 * returning), pub/sub signals between replicas, and callers that fall back to PostgreSQL whenever
 * Redis does not answer in time. Losing Redis never loses data; it only makes reads slower.
 */
package vn.hanoi.hcc.bff.cache;
