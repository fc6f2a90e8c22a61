package vn.hanoi.hcc.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.lettuce.core.SetArgs;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.gateway.config.RedisConnection;

/** The idempotency records in Redis, one per client and key. */
@Component
class IdempotencyStore {

    private final RedisConnection redis;
    private final JsonMapper json;
    private final IdempotencyProperties properties;

    IdempotencyStore(RedisConnection redis, JsonMapper json, IdempotencyProperties properties) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
    }

    /** Takes the key for this request, unless someone holds it: then their record. */
    Mono<Claim> claim(String clientId, String key, String fingerprint) {
        String redisKey = redisKey(clientId, key);
        String inFlight = json.writeValueAsString(IdempotencyRecord.inFlight(fingerprint));
        return redis.commands()
                .flatMap(commands -> commands
                        .set(redisKey, inFlight, SetArgs.Builder.nx().px(properties.inFlightTtl()))
                        .map(ok -> Claim.taken(redisKey))
                        .switchIfEmpty(Mono.defer(() -> commands.get(redisKey)
                                .map(stored -> Claim.heldBy(redisKey, json.readValue(stored, IdempotencyRecord.class)))
                                // expired between the two commands: the key is free again
                                .switchIfEmpty(Mono.defer(() -> claim(clientId, key, fingerprint))))))
                .timeout(properties.commandTimeout());
    }

    Mono<Void> complete(String redisKey, IdempotencyRecord answer) {
        String stored = json.writeValueAsString(answer);
        return redis.commands()
                .flatMap(commands -> commands.set(redisKey, stored, SetArgs.Builder.px(properties.ttl())))
                .timeout(properties.commandTimeout())
                .then();
    }

    Mono<Void> release(String redisKey) {
        return redis.commands()
                .flatMap(commands -> commands.del(redisKey))
                .timeout(properties.commandTimeout())
                .then();
    }

    private static String redisKey(String clientId, String key) {
        return "idem:{" + clientId + "}:" + sha256(key);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /**
     * The outcome of a claim.
     *
     * @param redisKey the record's key
     * @param held the record someone else made first, or {@code null} when this request took the key
     */
    record Claim(String redisKey, IdempotencyRecord held) {

        static Claim taken(String redisKey) {
            return new Claim(redisKey, null);
        }

        static Claim heldBy(String redisKey, IdempotencyRecord record) {
            return new Claim(redisKey, record);
        }
    }
}
