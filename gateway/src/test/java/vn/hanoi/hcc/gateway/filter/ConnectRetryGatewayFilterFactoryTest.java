package vn.hanoi.hcc.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Only a body-less GET or HEAD whose connection failed is tried again: nothing else could run twice. */
class ConnectRetryGatewayFilterFactoryTest {

    private final GatewayFilter filter = new ConnectRetryGatewayFilterFactory().apply(config());
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void triesAGetAgainWhoseConnectionFailed() {
        StepVerifier.create(filter.filter(
                        exchange(MockServerHttpRequest.get("/api/v1/points").build()),
                        failingTimes(2, new ConnectException("refused"))))
                .verifyComplete();

        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheRetriesWithTheConnectionFailure() {
        StepVerifier.create(filter.filter(
                        exchange(MockServerHttpRequest.get("/api/v1/points").build()),
                        failingTimes(5, new ConnectException("refused"))))
                .verifyError(ConnectException.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverTriesAPostOrAGetWithABodyOrAnotherFailureAgain() {
        StepVerifier.create(filter.filter(
                        exchange(MockServerHttpRequest.post("/api/v1/agent/dossiers")
                                .body("{}")),
                        failingTimes(1, new ConnectException("refused"))))
                .verifyError(ConnectException.class);
        StepVerifier.create(filter.filter(
                        exchange(MockServerHttpRequest.get("/api/v1/points")
                                .header("Content-Length", "2")
                                .build()),
                        failingTimes(1, new ConnectException("refused"))))
                .verifyError(ConnectException.class);
        StepVerifier.create(filter.filter(
                        exchange(MockServerHttpRequest.get("/api/v1/points").build()),
                        failingTimes(1, new IllegalStateException("reset after sending"))))
                .verifyError(IllegalStateException.class);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void waitsTheFirstBackoffThenTwiceAsLongUpToTheLongest() {
        ConnectRetryGatewayFilterFactory.Config config = new ConnectRetryGatewayFilterFactory.Config();

        assertThat(ConnectRetryGatewayFilterFactory.backoff(config, 0)).isEqualTo(Duration.ofMillis(50));
        assertThat(ConnectRetryGatewayFilterFactory.backoff(config, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(ConnectRetryGatewayFilterFactory.backoff(config, 2)).isEqualTo(Duration.ofMillis(200));
        assertThat(ConnectRetryGatewayFilterFactory.backoff(config, 3)).isEqualTo(Duration.ofMillis(200));
    }

    private GatewayFilterChain failingTimes(int failures, Throwable failure) {
        AtomicInteger mine = new AtomicInteger();
        return exchange -> Mono.defer(() -> {
            attempts.incrementAndGet();
            return mine.incrementAndGet() <= failures ? Mono.error(failure) : Mono.empty();
        });
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest request) {
        return MockServerWebExchange.from(request);
    }

    private static ConnectRetryGatewayFilterFactory.Config config() {
        ConnectRetryGatewayFilterFactory.Config config = new ConnectRetryGatewayFilterFactory.Config();
        config.setFirstBackoff(Duration.ofMillis(1));
        config.setMaxBackoff(Duration.ofMillis(2));
        return config;
    }
}
