package vn.hanoi.hcc.gateway.idempotency;

import io.lettuce.core.SetArgs;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/** The idempotency records in Redis, one per client and key (the key itself only as its SHA-256). */
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

    /**
     * Takes the key for this request, unless someone holds it: then their record. Only the
     * request's target is known at this point: its body has not been read.
     */
    Mono<Claim> claim(String clientId, String key, String target) {
        String redisKey = redisKey(clientId, key);
        String inFlight = json.writeValueAsString(IdempotencyRecord.inFlight(target));
        return redis.commands()
                .flatMap(commands -> commands.set(
                                redisKey, inFlight, SetArgs.Builder.nx().px(properties.inFlightTtl()))
                        .map(ok -> Claim.taken(redisKey))
                        .switchIfEmpty(Mono.defer(() -> commands.get(redisKey)
                                .map(stored -> Claim.heldBy(redisKey, json.readValue(stored, IdempotencyRecord.class)))
                                // expired between the two commands: the key is free again
                                .switchIfEmpty(Mono.defer(() -> claim(clientId, key, target))))))
                .timeout(properties.commandTimeout());
    }

    /**
     * Stores the answer. Tried twice: the SET is the same both times, and an answer that cannot be
     * kept releases the key, which lets a retry run the request again.
     */
    Mono<Void> complete(String redisKey, IdempotencyRecord answered) {
        String stored = json.writeValueAsString(answered);
        return redis.commands()
                .flatMap(commands -> commands.set(redisKey, stored, SetArgs.Builder.px(properties.ttl())))
                .timeout(properties.commandTimeout())
                .retry(1)
                .then();
    }

    Mono<Void> release(String redisKey) {
        return redis.commands()
                .flatMap(commands -> commands.del(redisKey))
                .timeout(properties.commandTimeout())
                .then();
    }

    private static String redisKey(String clientId, String key) {
        return "idem:{" + clientId + "}:" + BodyFingerprint.sha256(key);
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
