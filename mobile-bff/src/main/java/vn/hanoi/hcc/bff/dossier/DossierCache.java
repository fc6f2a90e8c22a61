package vn.hanoi.hcc.bff.dossier;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.cache.CacheProperties;
import vn.hanoi.hcc.bff.cache.LuaScript;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * The hot reads (the public lookup, a citizen's dossier) from Redis: a dossier with its timeline
 * under its code, or a marker that no dossier has the code. Every change, once committed, records
 * the dossier's new version and deletes the entry; a reader may only store what it read if no newer
 * version was recorded meanwhile, so a slow reader never puts an old dossier back. Entries also
 * expire, which bounds staleness should an eviction be lost. When Redis does not answer in time the
 * caller reads PostgreSQL: a miss, never an error.
 */
@Component
class DossierCache {

    private static final Logger log = LoggerFactory.getLogger(DossierCache.class);
    private static final String ABSENT = "-";
    /** KEYS: entry, version. ARGV: value, version read, ttl ms. Stores unless a newer version was evicted. */
    private static final LuaScript PUT_UNLESS_OUTDATED = new LuaScript("""
            local newest = tonumber(redis.call('GET', KEYS[2]) or '0')
            if newest > tonumber(ARGV[2]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1""");
    /** KEYS: entry, version. ARGV: new version, ttl ms. Records the newer version and deletes the entry. */
    private static final LuaScript EVICT = new LuaScript("""
            local newest = tonumber(redis.call('GET', KEYS[2]) or '0')
            if tonumber(ARGV[1]) > newest then redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2]) end
            return redis.call('DEL', KEYS[1])""");

    private final RedisConnection redis;
    private final JsonMapper json;
    private final CacheProperties properties;
    private final MeterRegistry meters;

    DossierCache(RedisConnection redis, JsonMapper json, CacheProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
    }

    /** The cached dossier, {@code Optional.empty()} when known not to exist, nothing on a miss. */
    Mono<Optional<DossierRecord>> get(String code) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        return redis.commands()
                .flatMap(commands -> commands.get(key(code)))
                .timeout(properties.commandTimeout())
                .map(value -> ABSENT.equals(value)
                        ? Optional.<DossierRecord>empty()
                        : Optional.of(json.readValue(value, DossierRecord.class)))
                .doOnNext(hit -> count("hit"))
                .switchIfEmpty(Mono.<Optional<DossierRecord>>fromRunnable(() -> count("miss")))
                .onErrorResume(failure -> {
                    count("error");
                    log.debug("Dossier cache unavailable: {}", failure.toString());
                    return Mono.empty();
                });
    }

    /** Stores what a reader found, unless a newer version was committed since. */
    Mono<Void> put(String code, Optional<DossierRecord> dossier) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        String value = dossier.map(json::writeValueAsString).orElse(ABSENT);
        long version = dossier.map(record -> record.dossier().version()).orElse(0L);
        long ttl = (dossier.isPresent() ? properties.ttl() : properties.negativeTtl()).toMillis();
        return redis.commands()
                .flatMap(commands -> PUT_UNLESS_OUTDATED.run(
                        commands, keys(code), value, Long.toString(version), Long.toString(ttl)))
                .timeout(properties.commandTimeout())
                .then()
                .onErrorResume(failure -> Mono.empty());
    }

    /**
     * Forgets the dossier on every replica now that this version is committed; a failure is logged,
     * and the entry's expiry bounds the damage.
     */
    Mono<Void> evict(String code, long committedVersion) {
        // the version marker outlives any entry stored before it
        String markerTtl = Long.toString(properties.ttl().multipliedBy(2).toMillis());
        return redis.commands()
                .flatMap(commands -> EVICT.run(commands, keys(code), Long.toString(committedVersion), markerTtl))
                .timeout(properties.commandTimeout())
                .then()
                .onErrorResume(failure -> {
                    meters.counter("hcc.dossier.cache.eviction.failures").increment();
                    log.warn(
                            "Could not evict a dossier from the cache (stale for at most {}): {}",
                            properties.ttl(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    private void count(String result) {
        meters.counter("hcc.dossier.cache", "result", result).increment();
    }

    private static String key(String code) {
        return "hcc:dossier:{" + code + "}";
    }

    /** The entry and its version marker, in one hash slot for Redis Cluster. */
    private static String[] keys(String code) {
        return new String[] {key(code), "hcc:dossier-version:{" + code + "}"};
    }
}
