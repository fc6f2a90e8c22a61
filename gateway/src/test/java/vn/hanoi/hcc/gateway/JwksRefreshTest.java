package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The provider's keys as the gateway keeps them, with the test profile's timings: fetched again
 * once 2 s old, never twice within 1 s, a fetch given up after 1 s. A provider of this class's own,
 * since the tests make it hang and replace its key. The first fetch of a fresh JVM may miss that
 * second on a loaded machine (503), hence the first calls awaited.
 */
class JwksRefreshTest extends GatewayTest {

    private static final FakeIdentityProvider provider = FakeIdentityProvider.started();
    private static final Duration MIN_REFRESH = Duration.ofSeconds(1);

    @DynamicPropertySource
    static void ownProvider(DynamicPropertyRegistry registry) {
        registry.add("HCC_BFF_URI", FakeBff.shared()::uri);
        // a property name, not the variable: it must win over the shared provider the base class sets
        registry.add("hcc.gateway.identity.jwks-uri", provider::jwksUri);
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesTheKeysAtMostOncePerMinimumInterval() {
        awaitOk(provider.token("001099000101", "citizen"));
        int before = provider.fetches();
        long started = System.nanoTime();

        for (int i = 0; i < 60; i++) {
            // each from an address of its own: the failed-authentication throttle is not what is tested here
            call(from(randomIp()), provider.tokenWithUnknownKeyId("unknown-" + i))
                    .expectStatus()
                    .isUnauthorized();
        }

        long allowed = 1 + Duration.ofNanos(System.nanoTime() - started).toMillis() / MIN_REFRESH.toMillis();
        assertThat(provider.fetches() - before).isLessThanOrEqualTo((int) allowed);
    }

    @Test
    void aHangingProviderIsWaitedForBrieflyThenAnswered503() {
        // past the minimum interval, so that the unknown key id below makes the gateway fetch
        await().pollDelay(MIN_REFRESH.plusMillis(100)).until(() -> true);
        provider.hang(true);
        try {
            long started = System.nanoTime();
            call(provider.tokenWithUnknownKeyId("while-hanging"))
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable");
            // 1 s of waiting for the provider, and a loaded test machine's slack; without a timeout it is never
            // answered
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        } finally {
            provider.hang(false);
        }
    }

    @Test
    void aKeyTheProviderRemovedStopsVerifyingAfterTheRefreshInterval() {
        String signedWithOldKey = provider.token("001099000102", "citizen");
        awaitOk(signedWithOldKey);

        provider.rotateKey("test-key-rotated-" + System.nanoTime());

        // no token names the new key: only the refresh after 2 s can tell the gateway the old one is gone
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() ->
                        call(from(randomIp()), signedWithOldKey).expectStatus().isUnauthorized());
    }

    @Test
    void aKeyTheProviderAddedVerifiesAsSoonAsTheMinimumIntervalAllows() {
        awaitOk(provider.token("001099000103", "citizen"));

        provider.rotateKey("test-key-added-" + System.nanoTime());

        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> call(from(randomIp()), provider.token("001099000104", "citizen"))
                        .expectStatus()
                        .isOk());
    }

    private void awaitOk(String token) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> call(from(randomIp()), token).expectStatus().isOk());
    }

    private WebTestClient.ResponseSpec call(String token) {
        return call(web, token);
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, String token) {
        return client.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }
}
