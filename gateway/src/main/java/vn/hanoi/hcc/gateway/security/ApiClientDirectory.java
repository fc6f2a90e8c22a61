package vn.hanoi.hcc.gateway.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/**
 * Resolves API-key hashes through the BFF's key store ({@code GET /internal/v1/api-keys/{hash}}),
 * remembering each answer, found or not, for {@code hcc.gateway.api-keys.cache-ttl}: a revoked
 * key stops working on every replica within that time. Failures are not remembered.
 *
 * <p>Lookups have connections of their own ({@code hcc.gateway.api-keys.pool}), bounded with a bounded
 * queue, apart from the routes' pool: a flood of unknown keys waits there, or is refused (503), and
 * routed requests never wait behind it.
 *
 * <p>Requests presenting the same key meanwhile share one lookup. A request that goes away (its
 * client hung up, it timed out) only stops waiting: it never cancels the lookup the others wait for.
 */
@Component
class ApiClientDirectory implements DisposableBean {

    private static final int MAX_REMEMBERED_KEYS = 10_000;
    /** Under the BFF's own idle timeout, so the gateway closes an idle connection before the BFF does. */
    private static final Duration IDLE_CONNECTION_TIME = Duration.ofSeconds(30);

    private final ConnectionProvider connections;
    private final WebClient bff;
    private final IdentityTokens tokens;
    private final ApiKeyProperties properties;
    private final AsyncCache<String, Optional<ApiClient>> remembered;

    ApiClientDirectory(GatewayProperties gateway, ApiKeyProperties properties, IdentityTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
        this.connections = ConnectionProvider.builder("hcc-key-store")
                .maxConnections(properties.pool().maxConnections())
                .pendingAcquireMaxCount(properties.pool().maxPending())
                .pendingAcquireTimeout(properties.lookupTimeout())
                .maxIdleTime(IDLE_CONNECTION_TIME)
                .build();
        HttpClient client = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.lookupTimeout().toMillis())
                .responseTimeout(properties.lookupTimeout());
        this.bff = WebClient.builder()
                .baseUrl(gateway.bffUri().toString())
                .clientConnector(new ReactorClientHttpConnector(client))
                .build();
        this.remembered = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(MAX_REMEMBERED_KEYS)
                .buildAsync();
    }

    @Override
    public void destroy() {
        connections.dispose();
    }

    /**
     * The client holding the key with this hash; empty when no active key has it.
     *
     * @throws AuthenticationServiceException (as an error signal) when the key store cannot answer
     */
    Mono<ApiClient> find(String keyHash) {
        // suppressCancel: a cancelled subscriber must not cancel the future every other caller shares
        return Mono.fromFuture(() -> shared(keyHash), true).flatMap(Mono::justOrEmpty);
    }

    /**
     * The lookup in progress or remembered for this hash. Caffeine drops a failed lookup only after
     * its waiting callers have heard of it, so a caller arriving in between would get the failure
     * too: such a lookup is replaced by a fresh one.
     */
    private CompletableFuture<Optional<ApiClient>> shared(String keyHash) {
        CompletableFuture<Optional<ApiClient>> known = remembered.get(keyHash, this::startLookUp);
        if (known.isCompletedExceptionally()) {
            remembered.asMap().remove(keyHash, known);
            return remembered.get(keyHash, this::startLookUp);
        }
        return known;
    }

    private CompletableFuture<Optional<ApiClient>> startLookUp(String keyHash, Executor executor) {
        return lookUp(keyHash).toFuture();
    }

    private Mono<Optional<ApiClient>> lookUp(String keyHash) {
        Caller gateway = Caller.service("gateway");
        return bff.get()
                .uri("/internal/v1/api-keys/{hash}", keyHash)
                .header(tokens.header(), tokens.tokenFor(gateway))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(ApiClient.class).map(Optional::of);
                    }
                    if (response.statusCode() == HttpStatus.NOT_FOUND) {
                        return response.releaseBody().thenReturn(Optional.<ApiClient>empty());
                    }
                    return response.releaseBody()
                            .then(Mono.error(new AuthenticationServiceException("The API key store answered "
                                    + response.statusCode().value())));
                })
                .timeout(properties.lookupTimeout())
                .onErrorMap(
                        failure -> !(failure instanceof AuthenticationServiceException),
                        failure -> new AuthenticationServiceException("The API key store is unreachable", failure));
    }
}
