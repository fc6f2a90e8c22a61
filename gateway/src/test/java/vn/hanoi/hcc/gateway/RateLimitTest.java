package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Token buckets in Redis, with the test profile's small limits: anonymous 5 per IP and persons 5
 * each (one more every 5 s), the lookup 2 per IP, the standard tier 5 at once (one more a second)
 * and 8 a day.
 */
class RateLimitTest extends SharedFakeBffTest {

    @Test
    void metersEveryAnswerAndRefusesTheSixthAnonymousBurst() {
        for (int i = 0; i < 5; i++) {
            web.get()
                    .uri("/api/v1/points")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Limit", "5")
                    .expectHeader()
                    .valueEquals("RateLimit-Remaining", Integer.toString(4 - i))
                    .expectHeader()
                    .exists("RateLimit-Reset");
        }

        web.get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("Retry-After", "[1-5]")
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectHeader()
                .exists("RateLimit-Reset")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/too-many-requests")
                .jsonPath("$.status")
                .isEqualTo(429);
        from(randomIp()).get().uri("/api/v1/points").exchange().expectStatus().isOk();
    }

    @Test
    void refillsTheBucketOverTime() {
        exhaust(web, "/api/v1/points");

        await().atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/points")
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    @Test
    void cannotBeDodgedByForgingXForwardedFor() {
        String realIp = randomIp();
        for (int i = 0; i < 5; i++) {
            from("203.0.113." + i + ", " + realIp)
                    .get()
                    .uri("/api/v1/points")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        from("198.51.100.7, " + realIp)
                .get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
    }

    @Test
    void limitsTheDossierLookupMoreStrictly() {
        for (int i = 0; i < 2; i++) {
            lookup().expectStatus().isCreated().expectHeader().valueEquals("RateLimit-Limit", "2");
        }
        lookup().expectStatus().isEqualTo(429).expectHeader().valueMatches("Retry-After", "\\d+");
    }

    @Test
    void givesEachPersonTheirOwnBucketWhateverTheirIp() {
        String alice = idp.token("001099000001", "citizen");
        exhaust(web.mutate().defaultHeaders(h -> h.setBearerAuth(alice)).build(), "/api/v1/me/dossiers");

        from(randomIp())
                .get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(alice))
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(idp.token("001099000002", "citizen")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void enforcesADailyQuotaPerKey() {
        String key = TestApiKeys.agent(bff, "agent-quota-" + System.nanoTime() % 100000, "standard", "dossiers:read");
        WebTestClient agent = web.mutate().defaultHeader("X-Api-Key", key).build();
        exhaust(agent, "/api/v1/agent/dossiers");

        // the bucket refills one a second; the quota of 8 a day does not
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> agent.get()
                        .uri("/api/v1/agent/dossiers")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(429)
                        .expectHeader()
                        .valueEquals("RateLimit-Limit", "8")
                        .expectHeader()
                        .valueEquals("RateLimit-Remaining", "0"));
        HttpHeaders refused = agent.get()
                .uri("/api/v1/agent/dossiers")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectBody(String.class)
                .returnResult()
                .getResponseHeaders();
        assertThat(Long.parseLong(refused.getFirst("Retry-After")))
                .isGreaterThan(5)
                .isLessThanOrEqualTo(86_400);
    }

    @Test
    void givesTheCitySystemItsOwnLargerTier() {
        String key = TestApiKeys.system(bff, "city-system-tier");

        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Limit", "50");
    }

    private WebTestClient.ResponseSpec lookup() {
        return web.post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"x\",\"secret\":\"y\"}")
                .exchange();
    }

    /** Spends the bucket: five answers, then (a refill may slip in on a slow machine) a refusal. */
    private static void exhaust(WebTestClient client, String path) {
        for (int i = 0; i < 5; i++) {
            client.get().uri(path).exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> client.get().uri(path).exchange().expectStatus().isEqualTo(429));
    }
}
