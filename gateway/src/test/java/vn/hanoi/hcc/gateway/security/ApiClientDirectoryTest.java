package vn.hanoi.hcc.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
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
    private volatile int status = 200;
    private final DisposableServer keyStore = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.get("/internal/v1/api-keys/{hash}", (request, response) -> {
                asked.incrementAndGet();
                return Mono.delay(Duration.ofMillis(300)).then(response.status(status)
                        .header("Content-Type", "application/json").sendString(Mono.just(CLIENT)).then());
            }))
            .bindNow();
    private final ApiClientDirectory directory = new ApiClientDirectory(
            new GatewayProperties(URI.create("http://127.0.0.1:" + keyStore.port()), List.of("X-Hcc-Identity"),
                    List.of(), Duration.ofSeconds(5), 0),
            new ApiKeyProperties("pepper", Duration.ofSeconds(5), Duration.ofSeconds(2), List.of()),
            new InternalTokenSigner(new InternalTokenProperties(
                    Base64.getEncoder().encodeToString(new byte[32]), "X-Hcc-Identity", "hcc-gateway",
                    "hcc-mobile-bff", Duration.ofSeconds(60))));

    @AfterEach
    void stop() {
        keyStore.disposeNow();
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
            staying.get(i).subscribe(client -> { }, failure -> { });
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
