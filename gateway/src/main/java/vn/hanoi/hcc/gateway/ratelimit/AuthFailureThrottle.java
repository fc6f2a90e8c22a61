package vn.hanoi.hcc.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.redis.RedisConnection;
import vn.hanoi.hcc.gateway.error.ProblemResponder;

/**
 * Failed authentications per client address ({@code hcc.gateway.rate-limit.auth-failures}): each one
 * is counted in Redis, in a fixed window shared by every replica; the failure that reaches the limit
 * has this replica refuse the address's credentials, unread, until the window ends (another replica
 * learns it at the address's next failure there). Checking costs no Redis call, so requests whose
 * credentials are good pay nothing for the throttle.
 *
 * <p>Like the limiter it fails open: when Redis does not answer within the command timeout the failure
 * is not counted ({@code hcc.gateway.auth.failures{outcome=fail-open}}) and the answer carries no
 * {@code RateLimit-*} headers.
 */
@Component
public class AuthFailureThrottle {

    private static final RedisScript SCRIPT = new RedisScript("ratelimit/auth_failures.lua");
    /** Addresses remembered as refused; beyond that the least recent are forgotten (and counted anew). */
    private static final int MAX_REFUSED_ADDRESSES = 100_000;

    private final RedisConnection redis;
    private final int maxFailures;
    private final Duration window;
    private final Duration timeout;
    private final ProblemResponder responder;
    private final MeterRegistry meters;
    private final Cache<String, Long> refusedUntil;

    AuthFailureThrottle(
            RedisConnection redis, RateLimitProperties properties, ProblemResponder responder, MeterRegistry meters) {
        this.redis = redis;
        this.maxFailures = properties.authFailures().maxFailures();
        this.window = properties.authFailures().window();
        this.timeout = properties.commandTimeout();
        this.responder = responder;
        this.meters = meters;
        this.refusedUntil = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(MAX_REFUSED_ADDRESSES)
                .build();
    }

    /** Whether this address has failed too often in the current window. */
    public boolean refuses(String address) {
        return secondsLeft(address) > 0;
    }

    /** The 429 for an address that failed too often: {@code Retry-After} when its window ends. */
    public Mono<Void> refuse(ServerWebExchange exchange, String address) {
        long left = Math.max(1, secondsLeft(address));
        count("refused");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(left));
        new Decision(false, maxFailures, 0, left, left, true).writeTo(headers);
        return responder.respond(
                exchange,
                ProblemType.TOO_MANY_REQUESTS,
                "Too many failed authentications from this address; retry after " + left + " s",
                headers);
    }

    /**
     * Counts a failed authentication of this address, and tells on the answer how many more it may
     * make in this window ({@code RateLimit-*}). Completes empty whatever Redis does.
     */
    public Mono<Void> countFailure(ServerWebExchange exchange, String address) {
        String[] keys = {RedisScript.key("af", address)};
        return redis.commands()
                .flatMap(commands -> SCRIPT.run(commands, keys, Long.toString(window.toMillis())))
                .timeout(timeout)
                .doOnNext(counted -> {
                    long failures = counted[0];
                    long leftMillis = counted[1];
                    if (failures >= maxFailures) {
                        refusedUntil.put(address, System.currentTimeMillis() + leftMillis);
                    }
                    long reset = (leftMillis + 999) / 1000;
                    new Decision(true, maxFailures, Math.max(0, maxFailures - failures), reset, reset, true)
                            .writeTo(exchange.getResponse().getHeaders());
                    count("counted");
                })
                .onErrorResume(unanswered -> {
                    count("fail-open");
                    return Mono.empty();
                })
                .then();
    }

    private long secondsLeft(String address) {
        Long until = refusedUntil.getIfPresent(address);
        long left = until == null ? 0 : until - System.currentTimeMillis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    private void count(String outcome) {
        meters.counter("hcc.gateway.auth.failures", "outcome", outcome).increment();
    }
}
