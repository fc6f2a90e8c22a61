package vn.hanoi.hcc.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.channel.ChannelOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The identity provider's signing keys, fetched from its JWKS and kept. They are fetched again when
 * {@code jwks-refresh-interval} old (so a key the provider removed stops verifying without a
 * restart), or when a token names a key they lack (the provider may have added one); but never
 * twice within {@code jwks-min-refresh-interval}, whatever tokens arrive, and a fetch gives up after
 * {@code jwks-timeout}. Requests meanwhile share the fetch; one of them going away does not cancel it.
 *
 * <p>A failed fetch keeps the keys held: an outage of the provider must not sign every citizen out,
 * and a key is dropped only when the provider answers without it. A token whose key is not held is
 * then refused with {@link KeysUnavailableException} (503: nobody can tell whether it is valid);
 * when the provider did answer, it simply finds no key (401).
 */
final class JwksClient {

    private static final Logger log = LoggerFactory.getLogger(JwksClient.class);

    /** What is held: the keys, when they were fetched, when a fetch last started and whether it failed. */
    private record Held(JWKSet keys, long fetchedAt, long attemptedAt, boolean lastFetchFailed) {}

    private final WebClient provider;
    private final Set<JWSAlgorithm> algorithms;
    private final long refreshNanos;
    private final long minRefreshNanos;
    private final IdentityProperties identity;
    private final AtomicReference<Held> held;
    private final AtomicReference<CompletableFuture<Held>> fetching = new AtomicReference<>();

    JwksClient(IdentityProperties identity) {
        this.identity = identity;
        this.algorithms =
                identity.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        this.refreshNanos = identity.jwksRefreshInterval().toNanos();
        this.minRefreshNanos = identity.jwksMinRefreshInterval().toNanos();
        // one connection per fetch, at most one fetch per minimum interval: no pool to share or keep
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        identity.jwksTimeout().toMillis())
                .responseTimeout(identity.jwksTimeout());
        this.provider = WebClient.builder()
                .baseUrl(identity.jwksUri().strip())
                .clientConnector(new ReactorClientHttpConnector(client))
                .build();
        long longAgo = System.nanoTime() - refreshNanos - minRefreshNanos;
        this.held = new AtomicReference<>(new Held(new JWKSet(), longAgo, longAgo, false));
    }

    /** The signature algorithms accepted from the provider. */
    Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** The keys that may have signed this token: none when its algorithm is not accepted. */
    Flux<JWK> keysFor(SignedJWT token) {
        if (!algorithms.contains(token.getHeader().getAlgorithm())) {
            return Flux.empty();
        }
        return Mono.defer(() -> {
                    Held now = held.get();
                    long at = System.nanoTime();
                    if (at - now.fetchedAt() < refreshNanos
                            && !select(now, token).isEmpty()) {
                        return Mono.just(now);
                    }
                    CompletableFuture<Held> running = fetching.get();
                    if (running == null && at - now.attemptedAt() < minRefreshNanos) {
                        return Mono.just(now);
                    }
                    // suppressCancel: a request going away must not cancel the fetch the others wait for
                    return Mono.fromFuture(running != null ? running : sharedFetch(), true);
                })
                .flatMap(keys -> usable(keys, token))
                .flatMapIterable(keys -> keys);
    }

    private static Mono<List<JWK>> usable(Held keys, SignedJWT token) {
        List<JWK> matching = select(keys, token);
        if (matching.isEmpty() && keys.lastFetchFailed()) {
            return Mono.error(new KeysUnavailableException());
        }
        return Mono.just(matching);
    }

    private static List<JWK> select(Held keys, SignedJWT token) {
        return new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())).select(keys.keys());
    }

    /** The fetch in progress, or a new one. */
    private CompletableFuture<Held> sharedFetch() {
        CompletableFuture<Held> started = new CompletableFuture<>();
        CompletableFuture<Held> running = fetching.compareAndExchange(null, started);
        if (running != null) {
            return running;
        }
        fetch().toFuture().whenComplete((fresh, impossible) -> {
            held.set(fresh);
            fetching.set(null);
            started.complete(fresh);
        });
        return started;
    }

    /** Never fails: a failed fetch is what is held, marked failed, with the time of the attempt. */
    private Mono<Held> fetch() {
        Held before = held.get();
        long attempted = System.nanoTime();
        held.set(new Held(before.keys(), before.fetchedAt(), attempted, before.lastFetchFailed()));
        return provider.get()
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .timeout(identity.jwksTimeout())
                .flatMap(body -> Mono.fromCallable(() -> JWKSet.parse(body)))
                .map(keys -> new Held(keys, attempted, attempted, false))
                .onErrorResume(failure -> {
                    log.warn(
                            "Could not fetch the identity provider's keys from {} ({}); keeping the {} held",
                            identity.jwksUri(),
                            failure.toString(),
                            before.keys().size());
                    return Mono.just(new Held(before.keys(), before.fetchedAt(), attempted, true));
                });
    }

    /** The provider's keys could not be fetched and none held matches the token. */
    static final class KeysUnavailableException extends RuntimeException {

        KeysUnavailableException() {
            super("The identity provider's keys cannot be fetched right now", null, false, false);
        }
    }
}
