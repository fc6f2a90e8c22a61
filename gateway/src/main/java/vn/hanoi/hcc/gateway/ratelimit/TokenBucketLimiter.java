package vn.hanoi.hcc.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.redis.RedisConnection;
import vn.hanoi.hcc.contract.requestid.RequestId;

/**
 * Checks and charges a bucket (and the day's quota) in one Redis script, or from this replica's
 * lease of that bucket's tokens ({@link TokenLeases}: a busy client's requests then cost one Redis
 * round trip per lease instead of one each, and never more than its limit). If Redis does not answer
 * within the command timeout the request goes through unmetered: counted in
 * {@code hcc.gateway.rate.limit{outcome=fail-open}}, warned about when an outage starts and then
 * at most every 10 s, and its end logged.
 */
@Component
class TokenBucketLimiter {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketLimiter.class);
    /** Quotas are per calendar day in Hanoi. */
    private static final ZoneId QUOTA_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final long WARNING_INTERVAL_MS = 10_000;

    private static final RedisScript SCRIPT = new RedisScript("ratelimit/token_bucket.lua");

    private final RedisConnection redis;
    private final Duration timeout;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicLong lastWarning = new AtomicLong();
    private final AtomicBoolean failingOpen = new AtomicBoolean();
    private final TokenLeases leases;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    TokenBucketLimiter(RedisConnection redis, RateLimitProperties properties, MeterRegistry meters, Clock clock) {
        this.redis = redis;
        this.timeout = properties.commandTimeout();
        this.meters = meters;
        this.clock = clock;
        this.leases = new TokenLeases(
                properties.lease().maxTokens(), properties.lease().ttl().toNanos(), System::nanoTime);
    }

    /** The decision for this policy; {@code requestId} only goes into the log lines it may write. */
    Mono<Decision> check(RateLimitPolicy policy, String requestId) {
        String bucket = policy.name() + "\n" + policy.subject();
        Decision leased = leases.take(bucket);
        if (leased != null) {
            count(policy, "allowed");
            return Mono.just(leased);
        }
        int wanted = leases.wanted(bucket, policy.capacity());
        String id = RedisScript.key("rl", bucket);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(QUOTA_ZONE));
        LocalDate today = now.toLocalDate();
        long secondsToMidnight = Duration.between(now, today.plusDays(1).atStartOfDay(QUOTA_ZONE))
                .toSeconds();
        String[] keys = {id + ":bucket", id + ":quota:" + today};
        String[] args = {
            Integer.toString(policy.capacity()),
            Double.toString(policy.refillPerSecond()),
            Long.toString(policy.dailyQuota()),
            Long.toString(secondsToMidnight),
            Integer.toString(wanted)
        };
        return redis.commands()
                .flatMap(commands -> SCRIPT.run(commands, keys, args))
                .map(result -> {
                    Decision decision = decide(policy, result, secondsToMidnight);
                    if (decision.allowed()) {
                        leases.keep(bucket, wanted, result[5], decision);
                    }
                    return decision;
                })
                .timeout(timeout)
                .doOnNext(decision -> {
                    count(policy, decision.allowed() ? "allowed" : "limited");
                    if (failingOpen.compareAndSet(true, false)) {
                        try (MDC.MDCCloseable ignored = RequestId.inLogs(requestId)) {
                            log.info("Rate limiter metering again: Redis answers");
                        }
                    }
                })
                .onErrorResume(failure -> {
                    count(policy, "fail-open");
                    try (MDC.MDCCloseable ignored = RequestId.inLogs(requestId)) {
                        warn(failure);
                    }
                    return Mono.just(Decision.unmetered());
                });
    }

    private static Decision decide(RateLimitPolicy policy, long[] result, long secondsToMidnight) {
        boolean allowed = result[0] == 1;
        long tokens = result[1];
        long retryAfter = Math.max(1, (result[2] + 999) / 1000);
        long bucketReset = (result[3] + 999) / 1000;
        long quotaLeft = policy.dailyQuota() - result[4];
        if (policy.dailyQuota() > 0 && quotaLeft <= tokens) {
            return new Decision(
                    allowed, policy.dailyQuota(), Math.max(0, quotaLeft), secondsToMidnight, retryAfter, true);
        }
        return new Decision(allowed, policy.capacity(), tokens, bucketReset, retryAfter, true);
    }

    private void count(RateLimitPolicy policy, String outcome) {
        outcomes.computeIfAbsent(
                        policy.name() + "\n" + outcome,
                        key -> meters.counter("hcc.gateway.rate.limit", "policy", policy.name(), "outcome", outcome))
                .increment();
    }

    private void warn(Throwable failure) {
        long now = clock.millis();
        long last = lastWarning.get();
        boolean outageStarts = failingOpen.compareAndSet(false, true);
        if ((outageStarts || now - last >= WARNING_INTERVAL_MS) && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limiter failing open: Redis did not answer within {} ({})", timeout, failure.toString());
        }
    }
}
