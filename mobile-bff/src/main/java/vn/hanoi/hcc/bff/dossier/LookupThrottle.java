package vn.hanoi.hcc.bff.dossier;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.cache.CacheProperties;
import vn.hanoi.hcc.bff.cache.RedisConnection;
import vn.hanoi.hcc.bff.error.ThrottledException;

/**
 * Counts failed lookups per code and per client address in Redis, and refuses further attempts
 * once either count is reached within the window: guessing a secret of 31^8 possibilities is
 * hopeless at a few tries per quarter hour. Without Redis the throttle lets lookups through (the
 * gateway's own per-IP limit on the lookup still applies when it can).
 */
@Component
class LookupThrottle {

    private static final Logger log = LoggerFactory.getLogger(LookupThrottle.class);

    private final RedisConnection redis;
    private final LookupThrottleProperties properties;
    private final Duration timeout;
    private final MeterRegistry meters;

    LookupThrottle(RedisConnection redis, LookupThrottleProperties properties, CacheProperties cache,
            MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.timeout = cache.commandTimeout();
        this.meters = meters;
    }

    /** Completes, or fails with {@link ThrottledException} when the code or the client is over its limit. */
    Mono<Void> check(String code, String clientAddress) {
        String codeKey = key("code", code);
        String clientKey = key("client", clientAddress);
        return redis.commands()
                .flatMap(commands -> commands.mget(codeKey, clientKey).collectList()
                        .flatMap(counts -> {
                            long perCode = count(counts.get(0).getValueOrElse(null));
                            long perClient = count(counts.get(1).getValueOrElse(null));
                            if (perCode < properties.perCode() && perClient < properties.perClient()) {
                                return Mono.<Void>empty();
                            }
                            String limited = perCode >= properties.perCode() ? codeKey : clientKey;
                            return commands.pttl(limited).flatMap(millis -> Mono.<Void>error(new ThrottledException(
                                    "Too many wrong lookups; try again later", Duration.ofMillis(Math.max(millis, 1000)))));
                        }))
                .timeout(timeout)
                .onErrorResume(failure -> !(failure instanceof ThrottledException), failure -> {
                    meters.counter("hcc.dossier.lookup.throttle.unavailable").increment();
                    log.debug("Lookup throttle unavailable: {}", failure.toString());
                    return Mono.empty();
                });
    }

    Mono<Void> recordFailure(String code, String clientAddress) {
        return redis.commands()
                .flatMap(commands -> Mono.when(List.of(key("code", code), key("client", clientAddress)).stream()
                        .map(key -> commands.incr(key).flatMap(count -> count == 1
                                ? commands.pexpire(key, properties.window()).then()
                                : Mono.empty()))
                        .toList()))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.empty());
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Codes and addresses are hashed: the keys say nothing about who looked up what. */
    private static String key(String kind, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return "hcc:lookup-failures:" + kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
