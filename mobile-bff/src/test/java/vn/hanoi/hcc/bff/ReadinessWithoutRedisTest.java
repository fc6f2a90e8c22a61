package vn.hanoi.hcc.bff;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.FreePort;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies;

/**
 * With Redis unreachable the BFF stays alive and ready (it serves from PostgreSQL), and its health
 * says Redis is down: a Redis outage must not take every replica out of service at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadinessWithoutRedisTest {

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void postgresButNoRedis(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().environment().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("HCC_REDIS_URL", () -> "redis://127.0.0.1:" + FreePort.find());
    }

    @Test
    void staysLiveAndReadyAndReportsRedisDown() {
        WebTestClient management = ReadWholeBodies.of(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build());

        management
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        // the point index loads in the background after startup: ready once it has, Redis or not
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> management
                        .get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.r2dbc.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components.redis")
                        .doesNotExist());
        management
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.redis.status")
                .isEqualTo("DOWN");
    }
}
