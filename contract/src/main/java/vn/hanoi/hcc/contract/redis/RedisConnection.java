package vn.hanoi.hcc.contract.redis;

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
import io.lettuce.core.resource.Delay;
import io.lettuce.core.tracing.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * One shared Redis connection for a service, opened asynchronously as soon as it is made, so that
 * no event loop ever waits for it. Once open, Lettuce reconnects by itself and, meanwhile, rejects
 * commands at once instead of queueing them. A failed opening is retried at most every
 * {@code reconnectInterval}; in between, callers get an error immediately. A dropped connection is
 * retried as soon as it drops, then after delays doubling from 1 ms up to {@code reconnectInterval}:
 * Lettuce's own default doubles up to 30 s, which kept a service off Redis (the gateway unmetered,
 * its idempotent POSTs refused) for up to half a minute after Redis was back.
 */
public final class RedisConnection implements AutoCloseable {

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final long reconnectIntervalMillis;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();

    /**
     * @param url {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS, or
     *        {@code redis-sentinel://host:port[,host:port]/db#master} behind Sentinel
     * @param connectTimeout how long opening a connection may take
     * @param reconnectInterval the longest wait between attempts, for the first connection and after
     *        the connection drops
     */
    public RedisConnection(String url, Duration connectTimeout, Duration reconnectInterval) {
        this(url, connectTimeout, reconnectInterval, Tracing.disabled());
    }

    /**
     * As above, every command traced as {@code tracing} says (the BFF: a span per command, the child
     * of the request's or the background task's span).
     */
    public RedisConnection(String url, Duration connectTimeout, Duration reconnectInterval, Tracing tracing) {
        this.uri = RedisURI.create(url);
        this.uri.setTimeout(connectTimeout);
        this.reconnectIntervalMillis = reconnectInterval.toMillis();
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(reconnectDelay(reconnectInterval))
                .tracing(tracing)
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        currentAttempt(); // start connecting now, asynchronously, so the first requests find it open
    }

    /** Delays doubling from 1 ms, never longer than the interval. */
    static Delay reconnectDelay(Duration reconnectInterval) {
        return Delay.exponential(Duration.ZERO, reconnectInterval, 2, TimeUnit.MILLISECONDS);
    }

    private record Attempt(CompletableFuture<StatefulRedisConnection<String, String>> connection, long startedAt) {}

    /** The reactive commands of the shared connection, or an error if Redis cannot be reached now. */
    public Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> Mono.fromFuture(currentAttempt().connection(), true))
                .map(StatefulRedisConnection::reactive);
    }

    /**
     * A connection of its own for subscriptions (a subscribed connection can do nothing else).
     * Lettuce re-subscribes by itself after a reconnection; the caller closes it when done.
     */
    public Mono<StatefulRedisPubSubConnection<String, String>> openPubSub() {
        return Mono.defer(() ->
                Mono.fromFuture(client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture(), true));
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

    /** Closes the connection and the client without waiting (Spring calls it when the context stops). */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Closes the client, which closes every connection it opened (the shared one, and any pub/sub
     * connection still open), then its event loops; done when all of it is. Closing the shared
     * connection first as well had Lettuce warn "Connection is already closed" at every stop.
     */
    public CompletableFuture<Void> closeAsync() {
        return client.shutdownAsync().thenCompose(closed -> {
            CompletableFuture<Void> stopped = new CompletableFuture<>();
            resources.shutdown().addListener(done -> stopped.complete(null));
            return stopped;
        });
    }
}
