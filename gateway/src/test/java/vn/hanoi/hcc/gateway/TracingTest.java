package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One trace from the caller through the gateway to the BFF: a trusted caller's {@code traceparent}
 * (the test profile trusts the loopback connection) is continued, the access log line carries its
 * trace id, and the BFF gets the gateway's span of the request as its parent (with the caller's
 * tracestate, never its baggage). A request without one starts a trace at the gateway; an untrusted
 * caller's is not believed ({@code TrustedCallersPropagatorTest}).
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(TracingTest.Exporter.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
class TracingTest extends SharedFakeBffTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;

    @BeforeEach
    void clear() {
        spans.reset();
    }

    @Test
    void continuesATrustedCallersTraceToTheBff(CapturedOutput output) {
        web.get()
                .uri("/api/v1/points")
                .header("X-Request-Id", "trace-trusted-1")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
                .header("tracestate", "vendor=client-said")
                .header("baggage", "user=someone-else")
                .exchange()
                .expectStatus()
                .isOk();

        FakeBff.Received forwarded = bff.last("/api/v1/points");
        assertThat(forwarded.header("traceparent"))
                .startsWith("00-" + TRACE_ID + "-")
                .endsWith("-01");
        String gatewaySpan = forwarded.header("traceparent").substring(36, 52);
        assertThat(gatewaySpan).isNotEqualTo(CALLER_SPAN);
        // the trusted caller's tracestate goes on with its trace, as W3C says; baggage is never carried
        assertThat(forwarded.header("tracestate")).isEqualTo("vendor=client-said");
        assertThat(forwarded.header("baggage")).isNull();
        assertThat(accessLine(output, "trace-trusted-1"))
                .contains("\"trace\":{\"id\":\"" + TRACE_ID + "\"}", "\"span\":{\"id\":\"" + gatewaySpan + "\"}");
        SpanData server = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(span -> span.getSpanId().equals(gatewaySpan))
                                .findFirst()
                                .orElse(null),
                        span -> span != null);
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN);
    }

    @Test
    void startsATraceForACallerWithout(CapturedOutput output) {
        web.get()
                .uri("/api/v1/points")
                .header("X-Request-Id", "trace-new-1")
                .exchange()
                .expectStatus()
                .isOk();

        String traceparent = bff.last("/api/v1/points").header("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(accessLine(output, "trace-new-1")).contains("\"trace\":{\"id\":\"" + traceparent.substring(3, 35));
    }

    private static String accessLine(CapturedOutput output, String requestId) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("gateway.access") && line.contains("\"requestId\":\"" + requestId + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no access log line for " + requestId));
    }
}
