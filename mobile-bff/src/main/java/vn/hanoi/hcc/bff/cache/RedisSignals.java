package vn.hanoi.hcc.bff.cache;

import io.lettuce.core.pubsub.api.reactive.ChannelMessage;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.redis.RedisConnection;

/**
 * Fire-and-forget signals between replicas over Redis pub/sub. A signal can be lost (Redis down,
 * a replica reconnecting), so every listener also has a periodic way to catch up; a signal only
 * makes the news arrive sooner.
 */
@Component
public class RedisSignals {

    private final RedisConnection redis;
    private final Duration timeout;

    RedisSignals(RedisConnection redis, CacheProperties properties) {
        this.redis = redis;
        this.timeout = properties.commandTimeout();
    }

    /** Sends the message to every replica listening on the channel; how many received it. */
    public Mono<Long> publish(String channel, String message) {
        return redis.commands()
                .flatMap(commands -> commands.publish(channel, message))
                .timeout(timeout);
    }

    /**
     * The messages of a channel, for as long as the subscriber stays. Fails if Redis cannot be
     * reached at first (the caller retries); once connected, Lettuce reconnects and re-subscribes.
     */
    public Flux<String> listen(String channel) {
        return Flux.usingWhen(
                redis.openPubSub(),
                connection -> {
                    Flux<String> messages =
                            connection.reactive().observeChannels().map(ChannelMessage::getMessage);
                    return connection.reactive().subscribe(channel).thenMany(messages);
                },
                connection -> Mono.fromCompletionStage(connection.closeAsync()));
    }
}
