package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** One JSON line per request, with who called but never their secrets or identity. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends SharedFakeBffTest {

    @Test
    void logsAMachineClientByIdWithoutItsKey(CapturedOutput output) {
        String key = TestApiKeys.agent(bff, "agent-logged", "standard", "dossiers:read");

        web.get()
                .uri("/api/v1/agent/dossiers?updatedSince=secret-cursor")
                .header("X-Api-Key", key)
                .header("X-Request-Id", "log-agent-1")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(line(output, "log-agent-1"))
                .contains(
                        "\"route\":{\"id\":\"agent\"}",
                        "\"status\":200",
                        "\"client\":{\"kind\":\"agent\",\"id\":\"agent-logged\"}")
                .doesNotContain(key, "secret-cursor");
    }

    @Test
    void logsAPersonByKindOnly(CapturedOutput output) {
        String token = idp.token("001099555555", "citizen");

        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Request-Id", "log-person-1")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(line(output, "log-person-1"))
                .contains("\"client\":{\"kind\":\"user\"}")
                .doesNotContain("001099555555", token);
    }

    @Test
    void logsRefusalsWithTheirStatus(CapturedOutput output) {
        web.get()
                .uri("/api/v1/ops/overdue")
                .header("X-Request-Id", "log-refused-1")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(line(output, "log-refused-1")).contains("\"status\":401", "\"kind\":\"anonymous\"");
    }

    private static String line(CapturedOutput output, String requestId) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("gateway.access") && line.contains("\"requestId\":\"" + requestId + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access log line for " + requestId));
    }
}
