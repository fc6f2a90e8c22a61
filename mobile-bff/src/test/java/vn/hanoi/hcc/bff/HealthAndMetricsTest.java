package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies;

class HealthAndMetricsTest extends BffIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void isLiveAndReadyWithPostgresAndRedisUp() {
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management()
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
                .jsonPath("$.components.pointIndex.status")
                .isEqualTo("UP");
        management()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.redis.status")
                .isEqualTo("UP");
    }

    @Test
    void publishesPrometheusMetrics() {
        web.get().uri("/api/v1/points/HQ").exchange().expectStatus().isOk();

        String metrics = management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains(
                        "http_server_requests_seconds_count",
                        "uri=\"/api/v1/points/{id}\"",
                        "application=\"mobile-bff\"",
                        "jvm_memory_used_bytes",
                        "r2dbc_pool_acquired_connections");
        // the metrics k8s/components/alerts alerts on exist from startup, before anything happened
        assertThat(metrics)
                .contains(
                        "hcc_push_auth_failures_total",
                        "hcc_push_dead_lettered_total",
                        "hcc_webhook_dead_lettered_total",
                        "hcc_outbox_pending{application=\"mobile-bff\",channel=\"push\"}",
                        "hcc_outbox_oldest_age_seconds{application=\"mobile-bff\",channel=\"webhook\"}");
        // and every series the dashboard reads of the BFF
        assertThat(metrics).contains(Dashboard.seriesOf("mobile-bff"));
    }

    @Test
    void keepsActuatorOffTheApplicationPort() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    @Test
    void exposesNoEnvironmentOrHeapDumpEvenOnTheManagementPort() {
        management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        management().get().uri("/actuator/heapdump").exchange().expectStatus().isNotFound();
    }

    private WebTestClient management() {
        return ReadWholeBodies.of(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build());
    }
}
