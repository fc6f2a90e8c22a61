package vn.hanoi.hcc.bff.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.hanoi.hcc.bff.BffIntegrationTest;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdAndAccessLogTest extends BffIntegrationTest {

    @Test
    void echoesTheGatewaysRequestId() {
        web.get()
                .uri("/api/v1/points/HQ")
                .header("X-Request-Id", "gw-1234")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "gw-1234");
    }

    @Test
    void makesAnIdWhenNoneOrAMalformedOneIsSent() {
        String made = web.get()
                .uri("/api/v1/points/HQ")
                .header("X-Request-Id", "bad id <script>")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(made).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void writesOneStructuredAccessLogLineWithTheRouteNotThePath(CapturedOutput output) {
        web.get()
                .uri("/api/v1/points/W00070?q=secret-search")
                .header("X-Request-Id", "access-log-1")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("\"requestId\":\"access-log-1\"")))
                .singleElement()
                .asString()
                .startsWith("{")
                .contains("\"http\":{\"method\":\"GET\",\"route\":\"/api/v1/points/{id}\",\"status\":200}")
                .doesNotContain("W00070", "secret-search");
    }
}
