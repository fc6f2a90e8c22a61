/**
 * Redis, as both services use it: a cache and a store of counters and records that may be lost,
 * never the system of record. {@link vn.hanoi.hcc.contract.redis.RedisConnection} is one shared
 * connection per service that never makes a request wait for Redis: opened asynchronously, failing
 * fast while Redis is away, and back within the reconnect interval once it returns. Each service
 * binds its own settings and declares the connection as a bean.
 */
package vn.hanoi.hcc.contract.redis;
