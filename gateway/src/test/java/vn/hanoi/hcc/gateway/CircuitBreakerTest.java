package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hanoi.hcc.testsupport.embedded.FreePort;

/**
 * Nothing listens where the BFF should be: every answer is a 503 problem, and after the test
 * profile's 5 failed calls the route's circuit opens so that calls stop being attempted.
 */
class CircuitBreakerTest extends GatewayTest {

    @DynamicPropertySource
    static void bffNowhere(DynamicPropertyRegistry registry) {
        registry.add("HCC_BFF_URI", () -> "http://127.0.0.1:" + FreePort.find());
    }

    @Test
    void answers503ProblemWithRetryAfterAndOpensTheRoutesCircuit() {
        for (int i = 0; i < 6; i++) {
            from(randomIp())
                    .get()
                    .uri("/api/v1/coverage")
                    .header("X-Request-Id", "down-" + i)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable")
                    .jsonPath("$.title")
                    .isEqualTo("Service temporarily unavailable")
                    .jsonPath("$.requestId")
                    .isEqualTo("down-" + i);
        }

        String breakers = management()
                .get()
                .uri("/actuator/circuitbreakers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(breakers).containsPattern("\"coverage\":\\{[^}]*\"state\":\"OPEN\"");
        assertThat(breakers).doesNotContainPattern("\"points\":\\{[^}]*\"state\":\"OPEN\"");
    }

    @Test
    void staysLiveAndReadyItself() {
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
