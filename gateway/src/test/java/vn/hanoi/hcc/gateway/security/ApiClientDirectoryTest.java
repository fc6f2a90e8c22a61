package vn.hanoi.hcc.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/**
 * The directory shares one lookup per key among the requests presenting it meanwhile: a caller
 * that goes away (hang-up, timeout) must not take the answer away from the others, and a lookup
 * that failed must not be remembered.
 */
class ApiClientDirectoryTest {

    private static final String CLIENT = "{\"clientId\":\"agent-1\",\"kind\":\"agent\",\"scopes\":[\"dossiers:read\"],"
            + "\"rateTier\":\"standard\"}";

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile int status = 200;
    /** Whether the key store holds its answers until the test releases them. */
    private volatile boolean held;

    private final Sinks.Empty<Void> release = Sinks.empty();
    private final DisposableServer keyStore = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/internal/v1/api-keys/{hash}", (request, response) -> {
                asked.incrementAndGet();
                if (held) {
                    // counted out before the answer leaves, so before its connection can carry the next
                    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    return release.asMono()
                            .then(Mono.fromRunnable(open::decrementAndGet))
                            .then(response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(CLIENT))
                                    .then());
                }
                return Mono.delay(Duration.ofMillis(300))
                        .then(response.status(status)
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just(CLIENT))
                                .then());
            }))
            .bindNow();
    // a generous timeout: these tests are about sharing lookups, and a loaded machine is slow
    private final ApiClientDirectory directory = directory(new ApiKeyProperties.Pool(20, 200), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        directory.destroy();
        keyStore.disposeNow();
    }

    private ApiClientDirectory directory(ApiKeyProperties.Pool pool, Duration lookupTimeout) {
        return new ApiClientDirectory(
                new GatewayProperties(
                        URI.create("http://127.0.0.1:" + keyStore.port()),
                        List.of("X-Hcc-Identity"),
                        List.of(),
                        Duration.ofSeconds(5),
                        0),
                new ApiKeyProperties("p".repeat(32), Duration.ofSeconds(5), lookupTimeout, pool, List.of()),
                new IdentityTokens(
                        new InternalTokenProperties(
                                Base64.getEncoder().encodeToString(new byte[32]),
                                "X-Hcc-Identity",
                                "hcc-gateway",
                                "hcc-mobile-bff",
                                Duration.ofSeconds(60)),
                        Clock.systemUTC()));
    }

    @Test
    void lookupsWaitForConnectionsOfTheirOwnInABoundedQueue() {
        held = true;
        ApiClientDirectory small = directory(new ApiKeyProperties.Pool(2, 2), Duration.ofSeconds(30));
        AtomicInteger refusedAtOnce = new AtomicInteger();
        try {
            Mono<List<String>> outcomes = Flux.range(0, 6)
                    .flatMap(i -> small.find("flood-" + i)
                            .map(client -> "answered")
                            .onErrorResume(AuthenticationServiceException.class, failure -> {
                                if (!causedBy(failure, "PoolAcquirePendingLimitException")) {
                                    return Mono.just("failed: " + failure);
                                }
                                refusedAtOnce.incrementAndGet();
                                return Mono.just("refused");
                            }))
                    .collectList()
                    .cache();
            outcomes.subscribe();
            // two lookups at the key store, two waiting for their connections, two refused
            await().atMost(Duration.ofSeconds(15)).until(() -> refusedAtOnce.get() == 2 && asked.get() == 2);
            release.tryEmitEmpty();

            assertThat(outcomes.block(Duration.ofSeconds(15)))
                    .as("beyond 2 at once and 2 waiting, refused; the waiting ones answered once connections freed")
                    .containsExactlyInAnyOrder("answered", "answered", "answered", "answered", "refused", "refused");
            assertThat(asked).as("lookups that reached the key store").hasValue(4);
            assertThat(mostOpen).as("lookups the key store had open at once").hasValue(2);
        } finally {
            small.destroy();
        }
    }

    /** By simple name: Reactor Netty shades reactor-pool, whose exceptions these are. */
    private static boolean causedBy(Throwable failure, String simpleName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCallerGoingAwayLeavesTheSharedLookupToTheOthers() {
        List<Disposable> leaving = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leaving.add(directory.find("hash-1").subscribe());
        }
        List<Mono<ApiClient>> staying = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            staying.add(directory.find("hash-1").cache());
            staying.get(i).subscribe(client -> {}, failure -> {});
        }

        leaving.forEach(Disposable::dispose);

        for (Mono<ApiClient> caller : staying) {
            StepVerifier.create(caller)
                    .assertNext(client -> assertThat(client.clientId()).isEqualTo("agent-1"))
                    .verifyComplete();
        }
        assertThat(asked).as("one lookup for all 40 callers").hasValue(1);
    }

    @Test
    void remembersALookupWhoseCallersAllWentAway() {
        directory.find("hash-2").subscribe().dispose();

        StepVerifier.create(directory.find("hash-2"))
                .assertNext(client -> assertThat(client.clientId()).isEqualTo("agent-1"))
                .verifyComplete();
        assertThat(asked).hasValue(1);
    }

    @Test
    void forgetsAFailedLookup() {
        status = 500;
        StepVerifier.create(directory.find("hash-3")).verifyError(AuthenticationServiceException.class);

        status = 200;
        StepVerifier.create(directory.find("hash-3"))
                .assertNext(client -> assertThat(client.clientId()).isEqualTo("agent-1"))
                .verifyComplete();
        assertThat(asked).hasValue(2);
    }
}
