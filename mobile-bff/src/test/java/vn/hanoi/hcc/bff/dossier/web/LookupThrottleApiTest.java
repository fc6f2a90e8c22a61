package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The public lookup throttles whoever guesses secrets, not the receipt's holder: 20 wrong lookups
 * per client address and 100 per code from everywhere in 15 minutes, counted atomically.
 */
class LookupThrottleApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final String WRONG = "ZZZZZZZZ";

    @LocalServerPort
    int port;

    private ConnectionProvider connections;
    private WebClient concurrent;

    @BeforeEach
    void aClientThatSendsManyAtOnce() {
        connections = ConnectionProvider.create("lookup-guessers", 128);
        concurrent = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();
    }

    @AfterEach
    void closeConnections() {
        connections.disposeLater().block(Duration.ofSeconds(10));
    }

    @Test
    void theHolderGetsInFromAnotherAddressWhileAGuesserIsRefused() {
        Map<String, Object> receipt = receipt();
        String code = (String) receipt.get("code");
        String guesser = address();

        String secret = (String) receipt.get("lookupSecret");

        for (int attempt = 0; attempt < 5; attempt++) {
            lookup(code, WRONG, guesser).expectStatus().isNotFound();
        }
        lookup(code, secret, address())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code);
        for (int attempt = 5; attempt < 20; attempt++) {
            lookup(code, WRONG, guesser).expectStatus().isNotFound();
        }
        lookup(code, WRONG, guesser)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After");
        lookup(code, secret, guesser).expectStatus().isEqualTo(429);

        lookup(code, secret, address())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code);
    }

    @Test
    void theHoldersOwnLookupsNeverCount() {
        Map<String, Object> receipt = receipt();
        String holder = address();

        for (int lookup = 0; lookup < 30; lookup++) {
            lookup((String) receipt.get("code"), (String) receipt.get("lookupSecret"), holder)
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void wrongGuessesSentAllAtOnceNeverPassTheAddresssBound() {
        String code = (String) receipt().get("code");
        String guesser = address();

        List<Integer> statuses = allAtOnce(60, 60, i -> guess(code, guesser));

        assertThat(statuses).isSubsetOf(404, 429, 503).contains(429);
        assertBound(20, statuses, comparedUntilRefused(code, () -> guesser));
    }

    @Test
    void aCodeGuessedFromManyAddressesIsRefusedToEveryoneAtItsBoundAndNoOtherCodeIs() {
        Map<String, Object> receipt = receipt();
        Map<String, Object> another = receipt();
        String code = (String) receipt.get("code");
        List<String> botnet =
                Flux.range(0, 12).map(i -> address()).collectList().block();

        // 12 addresses, 10 guesses each: every address stays under its own bound of 20
        List<Integer> statuses = allAtOnce(120, 16, i -> guess(code, botnet.get(i % 12)));

        assertThat(statuses).isSubsetOf(404, 429, 503).contains(429);
        assertBound(100, statuses, comparedUntilRefused(code, LookupThrottleApiTest::address));
        lookup(code, (String) receipt.get("lookupSecret"), address())
                .expectStatus()
                .isEqualTo(429);
        lookup((String) another.get("code"), (String) another.get("lookupSecret"), botnet.get(0))
                .expectStatus()
                .isOk();
    }

    private Map<String, Object> receipt() {
        return filed(
                as(TestIdentityTokens.system("city-lookup-throttle")),
                dossier(DossierFixtures.freshAgency(), "001099444000", RECEIVED, Duration.ofDays(5)));
    }

    private WebTestClient.ResponseSpec lookup(String code, String secret, String client) {
        return as(TestIdentityTokens.anonymousFrom(client))
                .post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "secret", secret))
                .exchange();
    }

    private static List<Integer> allAtOnce(int requests, int atOnce, IntFunction<Mono<Integer>> request) {
        return Flux.range(0, requests)
                .flatMap(request::apply, atOnce)
                .collectList()
                .block(Duration.ofSeconds(90));
    }

    /**
     * Exactly {@code bound} guesses were counted before the refusals: each was compared (404) or,
     * on a loaded machine, timed out after it was counted (503, counted or not); never more compared.
     */
    private static void assertBound(int bound, List<Integer> burst, long comparedAfter) {
        long compared = burst.stream().filter(status -> status == 404).count() + comparedAfter;
        long timedOut = burst.stream().filter(status -> status == 503).count();
        assertThat(compared).isLessThanOrEqualTo(bound).isGreaterThanOrEqualTo(bound - timedOut);
    }

    /** Wrong guesses one at a time, until one is refused: how many were compared before. */
    private long comparedUntilRefused(String code, Supplier<String> client) {
        for (int compared = 0; compared <= 100; compared++) {
            int status = guess(code, client.get()).block(Duration.ofSeconds(10));
            if (status == 429) {
                return compared;
            }
            assertThat(status).as("a wrong guess not refused").isEqualTo(404);
        }
        throw new AssertionError("never refused");
    }

    private Mono<Integer> guess(String code, String client) {
        return concurrent
                .post()
                .uri("/api/v1/dossiers/lookup")
                .header(TestIdentityTokens.HEADER, TestIdentityTokens.anonymousFrom(client))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "secret", WRONG))
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()));
    }

    /** A client address no other test uses (the gateway's cip claim; any text to the BFF). */
    private static String address() {
        return "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
    }
}
