package vn.hanoi.hcc.bff.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One shared Redis connection, opened asynchronously at startup. Once open, Lettuce reconnects by
 * itself and meanwhile rejects commands at once; a failed opening is retried at most every
 * {@code reconnect-interval}, callers getting an error immediately in between.
 */
@Component
public class RedisConnection implements DisposableBean {

    private final ClientResources resources = DefaultClientResources.create();
    private final RedisClient client;
    private final RedisURI uri;
    private final long reconnectIntervalMillis;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();

    RedisConnection(CacheProperties properties) {
        this.uri = RedisURI.create(properties.redisUrl());
        this.uri.setTimeout(properties.connectTimeout());
        this.reconnectIntervalMillis = properties.reconnectInterval().toMillis();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build());
        currentAttempt();
    }

    private record Attempt(CompletableFuture<StatefulRedisConnection<String, String>> connection, long startedAt) {
    }

    /** The reactive commands of the shared connection, or an error if Redis cannot be reached now. */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> Mono.fromFuture(currentAttempt().connection(), true))
                .map(StatefulRedisConnection::reactive);
    }

    private Attempt currentAttempt() {
        Attempt current = attempt.get();
        boolean failed = current != null && current.connection().isCompletedExceptionally();
        if (current != null && !(failed && clock.millis() - current.startedAt() >= reconnectIntervalMillis)) {
            return current;
        }
        Attempt fresh = new Attempt(client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture(), clock.millis());
        if (attempt.compareAndSet(current, fresh)) {
            return fresh;
        }
        fresh.connection().thenAccept(StatefulRedisConnection::closeAsync);
        return attempt.get();
    }

    /**
     * A connection of its own for subscriptions (a subscribed connection can do nothing else).
     * Lettuce re-subscribes by itself after a reconnection; the caller closes it when done.
     */
    public Mono<StatefulRedisPubSubConnection<String, String>> openPubSub() {
        return Mono.defer(() -> Mono.fromFuture(client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture(),
                true));
    }

    @Override
    public void destroy() {
        Attempt current = attempt.get();
        if (current != null) {
            current.connection().thenAccept(StatefulRedisConnection::closeAsync);
        }
        client.shutdownAsync();
        resources.shutdown();
    }
}
