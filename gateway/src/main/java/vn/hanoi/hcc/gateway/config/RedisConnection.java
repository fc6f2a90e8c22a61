package vn.hanoi.hcc.gateway.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One shared Redis connection for the gateway, opened asynchronously on first use so that no
 * event loop ever waits for it. Once open, Lettuce reconnects by itself and, meanwhile, rejects
 * commands at once instead of queueing them. A failed opening is retried at most every
 * {@code reconnect-interval}; in between, callers get an error immediately. A dropped connection
 * is retried as soon as it drops, then after delays doubling from 1 ms up to
 * {@code reconnect-interval}: Lettuce's own default doubles up to 30 s, which kept the gateway
 * unmetered (and idempotent POSTs refused) for up to half a minute after Redis was back.
 */
@Component
public class RedisConnection implements DisposableBean {

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final long reconnectIntervalMillis;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();

    RedisConnection(RedisProperties properties) {
        this.uri = RedisURI.create(properties.url());
        this.uri.setTimeout(properties.connectTimeout());
        this.reconnectIntervalMillis = properties.reconnectInterval().toMillis();
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ZERO, properties.reconnectInterval(), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(properties.connectTimeout()).build())
                .build());
        currentAttempt(); // start connecting now, asynchronously, so the first requests find it open
    }

    private record Attempt(CompletableFuture<StatefulRedisConnection<String, String>> connection, long startedAt) {
    }

    /** The reactive commands of the shared connection, or an error if Redis cannot be reached now. */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> Mono.fromFuture(currentAttempt().connection(), true)).map(StatefulRedisConnection::reactive);
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
