package vn.hanoi.hcc.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tokens this replica took from a bucket in Redis ahead of time, so that a busy client's requests
 * need a Redis round trip only once per lease instead of once each.
 *
 * <p>A lease holds tokens already taken out of the bucket in Redis: a replica only ever spends
 * tokens the shared bucket gave it, so however many replicas there are, a client is never allowed
 * more than its limit. Leasing can only make the limit stricter: tokens leased and not spent
 * within {@code ttl} are dropped (at most {@code size - 1} per replica and bucket, once per burst),
 * and while one replica holds tokens another may find the bucket emptier than the client has
 * spent. To keep that small, a lease grows only with demand: one token at first, twice the last
 * size each time a lease is used up within its {@code ttl}, up to a tenth of the bucket's capacity
 * and at most {@code maxTokens}; a client that sends a request now and then always takes one token
 * at a time, exactly as without leases.
 */
final class TokenLeases {

    /** Buckets whose lease is kept before expired ones are swept out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    TokenLeases(int maxTokens, long ttlNanos, LongSupplier nanoTime) {
        this.maxTokens = maxTokens;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /** A request's decision from this replica's lease of the bucket; {@code null}: ask Redis. */
    Decision take(String bucket) {
        Lease lease = leases.get(bucket);
        return lease == null ? null : lease.take(nanoTime.getAsLong());
    }

    /** How many tokens to ask Redis for: more only when the last lease was used up in time. */
    int wanted(String bucket, int capacity) {
        int largest = Math.max(1, Math.min(maxTokens, capacity / 10));
        Lease last = leases.get(bucket);
        boolean usedUpInTime = last != null && last.left.get() == 0 && nanoTime.getAsLong() - last.since < ttlNanos;
        return usedUpInTime ? Math.min(largest, last.size * 2) : 1;
    }

    /**
     * Keeps what Redis granted beyond this request's token. {@code decision} is this request's,
     * with what the bucket in Redis has left.
     */
    void keep(String bucket, int wanted, long granted, Decision decision) {
        if (leases.size() > SWEEP_ABOVE) {
            long now = nanoTime.getAsLong();
            leases.values().removeIf(lease -> now - lease.since >= ttlNanos);
        }
        leases.put(bucket, new Lease(wanted, granted - 1, nanoTime.getAsLong(), decision));
    }

    private final class Lease {

        private final int size;
        private final AtomicLong left;
        private final long since;
        private final Decision basis;

        Lease(int size, long left, long since, Decision basis) {
            this.size = size;
            this.left = new AtomicLong(Math.max(0, left));
            this.since = since;
            this.basis = basis;
        }

        Decision take(long now) {
            if (now - since >= ttlNanos) {
                return null;
            }
            for (long tokens = left.get(); tokens > 0; tokens = left.get()) {
                if (left.compareAndSet(tokens, tokens - 1)) {
                    // what the client has left: the bucket's tokens in Redis and this lease's unspent ones
                    return new Decision(
                            true, basis.limit(), basis.remaining() + tokens - 1, basis.resetSeconds(), 0, true);
                }
            }
            return null;
        }
    }
}
