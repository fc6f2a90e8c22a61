package vn.hanoi.hcc.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.test.StepVerifier;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/** Each failure on the way to the BFF becomes the problem its caller can act on, never its cause. */
class ProblemJsonErrorHandlerTest {

    private final ProblemJsonErrorHandler handler = new ProblemJsonErrorHandler(
            new ProblemResponder(ServerCodecConfigurer.create()),
            new GatewayProperties(
                    URI.create("http://bff"), List.of("X-Hcc-Identity"), List.of(), Duration.ofSeconds(5), 0));

    static List<Arguments> failures() {
        return List.of(
                Arguments.of(
                        BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("points")),
                        503,
                        "service-unavailable"),
                Arguments.of(
                        CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("points")),
                        503,
                        "service-unavailable"),
                Arguments.of(new ConnectException("Connection refused: bff/10.0.0.7:8081"), 503, "service-unavailable"),
                Arguments.of(new TimeoutException("Did not observe any item within 12000ms"), 504, "gateway-timeout"),
                Arguments.of(new IOException("Connection reset by peer"), 502, "bad-gateway"),
                Arguments.of(new IllegalStateException("select * from secrets"), 500, "internal-error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void answersAProblemWithoutTheCause(Throwable failure, int status, String type) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/points"));
        exchange.getAttributes().put(RequestId.KEY, "req-1");

        StepVerifier.create(handler.handle(exchange, failure)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(status);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(status == 503 ? "5" : null);
        String body = exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
        assertThat(body)
                .contains("\"type\":\"https://hcc.hanoi.gov.vn/problems/" + type + "\"")
                .contains("\"requestId\":\"req-1\"")
                .doesNotContain(failure.getClass().getSimpleName())
                .doesNotContain("10.0.0.7")
                .doesNotContain("secrets");
    }
}
