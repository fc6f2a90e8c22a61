package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Idempotency-Key on machine clients' POSTs (the fake BFF numbers each answer it really gives). */
class IdempotencyTest extends SharedFakeBffTest {

    // agent paths no scope rule names are refused: the fake's behaviours are asked for by query
    private static final String PAUSING = "/api/v1/agent/dossiers/H26.99-251122-0001/events?fake=pause";
    private static final String FAILING = "/api/v1/agent/dossiers/H26.99-251122-0001/events?fake=fail500";

    private static final String BODY = "{\"procedureCode\":\"1.001\",\"applicant\":\"A\"}";

    private WebTestClient system;

    @BeforeEach
    void aSystemClient() {
        system = web.mutate()
                .defaultHeader("X-Api-Key", TestApiKeys.system(bff, "city-idem-" + System.nanoTime() % 100000))
                .build();
    }

    @Test
    void replaysTheFirstAnswerToARetryWithTheSameBody() {
        String key = "dossier-" + System.nanoTime();
        String first = send(system, key, BODY)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        long reached = bff.count("/api/v1/agent/dossiers");

        String again = send(system, key, BODY)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(bff.count("/api/v1/agent/dossiers"))
                .as("the retry never reached the BFF")
                .isEqualTo(reached);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = "dossier-" + System.nanoTime();
        send(system, key, BODY).expectStatus().isCreated();

        send(system, key, "{\"procedureCode\":\"2.002\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/idempotency-key-reused");
    }

    @Test
    void answers409WhileTheFirstIsInFlight() {
        String key = "dossier-" + System.nanoTime();
        Mono<Integer> first = Mono.fromCallable(() -> system.post()
                        .uri(PAUSING)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(BODY)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getStatus()
                        .value())
                .subscribeOn(Schedulers.boundedElastic());
        var pending = first.toFuture();

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> bff.count(PAUSING) > 0 || pending.isDone());
        system.post()
                .uri(PAUSING)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/idempotency-key-in-flight");
        assertThat(pending.join()).isEqualTo(201);
    }

    @Test
    void keepsKeysApartPerClient() {
        String key = "shared-key-" + System.nanoTime();
        String mine = send(system, key, BODY)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        WebTestClient other = web.mutate()
                .defaultHeader("X-Api-Key", TestApiKeys.system(bff, "city-other-idem"))
                .build();

        String theirs = send(other, key, BODY)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void letsTheClientRetryAfterAServerError() {
        String key = "failing-" + System.nanoTime();
        long before = bff.count(FAILING);

        sendTo(system, FAILING, key).expectStatus().isEqualTo(500);
        sendTo(system, FAILING, key)
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .doesNotExist("Idempotent-Replayed");

        assertThat(bff.count(FAILING) - before).isEqualTo(2);
    }

    @Test
    void refusesAMalformedKey() {
        send(system, "key with spaces", BODY)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Idempotency-Key must be 1 to 255 visible ASCII characters");
        send(system, "k".repeat(256), BODY).expectStatus().isBadRequest();
    }

    @Test
    void leavesPeoplesPostsAlone() {
        String key = "person-" + System.nanoTime();
        WebTestClient citizen = web.mutate()
                .defaultHeaders(h -> h.setBearerAuth(idp.token("001099000777", "citizen")))
                .build();
        long before = bff.count("/api/v1/me/devices");

        for (int i = 0; i < 2; i++) {
            citizen.post()
                    .uri("/api/v1/me/devices")
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        assertThat(bff.count("/api/v1/me/devices") - before).isEqualTo(2);
    }

    private static WebTestClient.ResponseSpec send(WebTestClient client, String key, String body) {
        return client.post()
                .uri("/api/v1/agent/dossiers")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.ResponseSpec sendTo(WebTestClient client, String path, String key) {
        return client.post()
                .uri(path)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .exchange();
    }
}
