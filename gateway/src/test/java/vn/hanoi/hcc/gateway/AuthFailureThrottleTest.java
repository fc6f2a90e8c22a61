package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Failed authentications per client address, with the test profile's limit of 10 a minute: past it,
 * the address's credentials are refused unread (429), before any key lookup or token check.
 */
class AuthFailureThrottleTest extends SharedFakeBffTest {

    private static final String KEY_STORE = "/internal/v1/api-keys/";

    @Test
    void throttlesAFloodOfRandomKeysBeforeTheKeyStoreIsAsked() {
        long lookupsBefore = bff.count(KEY_STORE);
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 300; i++) {
            statuses.add(web.get()
                    .uri("/api/v1/agent/dossiers")
                    .header("X-Api-Key", "hcc_random_" + i + "_" + System.nanoTime())
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 300)).containsOnly(429);
        assertThat(bff.count(KEY_STORE) - lookupsBefore).as("key lookups").isEqualTo(10);
    }

    @Test
    void tellsHowManyFailuresAreLeftAndWhenToRetry() {
        for (int i = 0; i < 10; i++) {
            garbageToken(web)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals("RateLimit-Limit", "10")
                    .expectHeader()
                    .valueEquals("RateLimit-Remaining", Integer.toString(9 - i))
                    .expectHeader()
                    .exists("RateLimit-Reset");
        }

        garbageToken(web)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]?")
                .expectHeader()
                .valueEquals("RateLimit-Limit", "10")
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/too-many-requests")
                .jsonPath("$.requestId")
                .exists();
    }

    @Test
    void refusesEvenGoodCredentialsFromTheAddressButNotItsAnonymousCallsOrOtherAddresses() {
        for (int i = 0; i < 10; i++) {
            garbageToken(web).expectStatus().isUnauthorized();
        }
        String citizen = idp.token("001099000201", "citizen");
        String agentKey = TestApiKeys.agent(bff, "agent-throttle-neighbour", "standard", "dossiers:read");
        long lookupsBefore = bff.count(KEY_STORE);

        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(citizen))
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", agentKey)
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        assertThat(bff.count(KEY_STORE)).as("no lookup for a refused address").isEqualTo(lookupsBefore);
        web.get().uri("/api/v1/points").exchange().expectStatus().isOk();
        from(randomIp())
                .get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(citizen))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void doesNotCountMissingCredentials() {
        for (int i = 0; i < 15; i++) {
            web.get()
                    .uri("/api/v1/me/dossiers")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .doesNotExist("RateLimit-Remaining");
        }
        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(idp.token("001099000202", "citizen")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static WebTestClient.ResponseSpec garbageToken(WebTestClient client) {
        return client.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth("not.a.token"))
                .exchange();
    }
}
