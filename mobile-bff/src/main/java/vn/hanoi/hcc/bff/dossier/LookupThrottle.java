package vn.hanoi.hcc.bff.dossier;

import io.lettuce.core.RedisCommandTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.cache.LuaScript;
import vn.hanoi.hcc.bff.error.BusyException;
import vn.hanoi.hcc.bff.error.ThrottledException;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * Throttles whoever guesses lookup secrets, not the receipt's holder. Every lookup is counted as a
 * failure before its secret is compared, against its client address and against its code, in one
 * Lua script that refuses instead once either count is at its bound, so that concurrent guesses can
 * never pass a bound; a lookup that matches is taken back off both counts. A guesser's address is
 * refused after {@code per-client} failures in the window, whatever the codes; a code is refused to
 * everyone only after {@code per-code} failures from all addresses together, which only a guess
 * spread over many addresses reaches. Either way 31^8 secrets stay out of reach.
 * <p>
 * Redis unreachable (the connection refused or lost, noticed at once): the lookup goes on
 * unthrottled (fail-open). A Redis outage must not take the public lookup down with it, a guesser
 * cannot cause one, and even a thousand unthrottled guesses a second for a whole hour give about
 * one chance in 240,000 of hitting any secret at all (3.6 million of 31^8). Redis connected but not
 * answering in time ({@code timeout}, or the connection's own command timeout if shorter): the lookup
 * is refused, 503 (fail-closed), since a burst of guesses can slow Redis or this replica down and
 * must not thereby outrun its own count.
 */
@Component
class LookupThrottle {

    /** KEYS: the client address's count, the code's. ARGV: their bounds, the window (ms). 0 if counted, else ms to wait. */
    private static final LuaScript COUNT_UNLESS_AT_BOUND = new LuaScript("""
            for i = 1, 2 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
                return math.max(redis.call('PTTL', KEYS[i]), 1)
              end
            end
            for i = 1, 2 do
              if redis.call('INCR', KEYS[i]) == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
            end
            return 0""");
    /** KEYS: the same two counts. Takes a lookup that matched back off them (never below zero). */
    private static final LuaScript UNCOUNT = new LuaScript("""
            for i = 1, 2 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
            end
            return 0""");

    private static final Logger log = LoggerFactory.getLogger(LookupThrottle.class);

    private final RedisConnection redis;
    private final LookupThrottleProperties properties;
    private final MeterRegistry meters;

    LookupThrottle(RedisConnection redis, LookupThrottleProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Counts a lookup of the code from the address as a failure until it matches: {@code true} if
     * counted, {@code false} if Redis is unreachable (let through); a {@link ThrottledException}
     * when the address or the code is at its bound, a {@link BusyException} when Redis is too slow.
     */
    Mono<Boolean> attempt(String code, String clientAddress) {
        return redis.commands()
                .flatMap(commands -> COUNT_UNLESS_AT_BOUND.run(
                        commands,
                        keys(code, clientAddress),
                        Integer.toString(properties.perClient()),
                        Integer.toString(properties.perCode()),
                        Long.toString(properties.window().toMillis())))
                .timeout(properties.timeout())
                .flatMap(wait -> wait == 0
                        ? Mono.just(true)
                        : Mono.<Boolean>error(new ThrottledException(
                                "Too many wrong lookups; try again later", Duration.ofMillis(Math.max(wait, 1000)))))
                .onErrorMap(LookupThrottle::slow, slow -> {
                    meters.counter("hcc.dossier.lookup.throttle.slow").increment();
                    return new BusyException("Lookups cannot be counted right now; try again shortly");
                })
                .onErrorResume(
                        failure -> !(failure instanceof ThrottledException || failure instanceof BusyException),
                        unreachable -> {
                            meters.counter("hcc.dossier.lookup.throttle.unavailable")
                                    .increment();
                            log.debug("Lookup throttle unreachable: {}", unreachable.toString());
                            return Mono.just(false);
                        });
    }

    /** The lookup matched: it was no failure. */
    Mono<Void> matched(String code, String clientAddress) {
        return redis.commands()
                .flatMap(commands -> UNCOUNT.run(commands, keys(code, clientAddress)))
                .timeout(properties.timeout())
                .onErrorResume(failure -> Mono.empty())
                .then();
    }

    /** Redis connected but not answering in time: this replica's timeout or Lettuce's own. */
    private static boolean slow(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof RedisCommandTimeoutException;
    }

    private static String[] keys(String code, String clientAddress) {
        return new String[] {key("client", clientAddress), key("code", code)};
    }

    /** Codes and addresses are hashed: the keys say nothing about who looked up what. */
    private static String key(String kind, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return "hcc:lookup-throttle:" + kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
