package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hanoi.hcc.testsupport.embedded.EmbeddedRedisServer;

/** Redis stopped mid-run: the limiter lets traffic through unmetered, and meters again once it is back. */
@ExtendWith(OutputCaptureExtension.class)
class RedisDownTest extends GatewayTest {

    private static final FakeBff bff = new FakeBff();
    private static EmbeddedRedisServer redis = startRedis();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void ownRedisAndBff(DynamicPropertyRegistry registry) {
        // a property name, not the variable: it must win over the shared Redis the base class sets
        registry.add("hcc.gateway.redis.url", () -> redis.url());
        registry.add("HCC_BFF_URI", bff::uri);
    }

    @AfterAll
    static void stop() throws IOException {
        redis.close();
        bff.close();
    }

    @Test
    void failsOpenWhileRedisIsDownAndRecovers(CapturedOutput output) throws IOException {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/points")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit-Remaining"));
        int port = redis.port();

        redis.close();
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            web.get()
                    .uri("/api/v1/points")
                    .header("X-Request-Id", "redis-down-" + i)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("RateLimit-Remaining");
        }
        long perRequestMillis = (System.nanoTime() - started) / 10 / 1_000_000;

        assertThat(perRequestMillis)
                .as("a request never waits for a dead Redis")
                .isLessThan(1_000);
        assertThat(meters.counter("hcc.gateway.rate.limit", "policy", "anonymous", "outcome", "fail-open")
                        .count())
                .isGreaterThanOrEqualTo(10);
        assertThat(logLine(output, "Rate limiter failing open"))
                .as("names the request that met the outage")
                .contains("\"requestId\":\"redis-down-0\"");

        redis = EmbeddedRedisServer.start(null, port);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/points")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit-Remaining"));
    }

    /**
     * Lettuce's own reconnect delay doubles up to 30 s, so after an outage of some seconds the
     * gateway went on unmetered (and refused idempotent POSTs) for many seconds more: attempts stay
     * at most {@code reconnect-interval} (1 s) apart, however long Redis was gone.
     */
    @Test
    void metersAgainWithinAboutASecondOfRedisReturningAfterALongOutage() throws Exception {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/points")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit-Remaining"));
        int port = redis.port();

        redis.close();
        Thread.sleep(10_000); // long enough for an exponential backoff to grow past several seconds
        web.get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("RateLimit-Remaining");

        redis = EmbeddedRedisServer.start(null, port);
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> from(randomIp())
                        .get()
                        .uri("/api/v1/points")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit-Remaining"));
        assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void refusesAnIdempotentPostRatherThanRiskRunningItTwice(CapturedOutput output) throws IOException {
        String key = TestApiKeys.system(bff, "city-redis-down");
        int port = redis.port();
        redis.close();
        try {
            web.post()
                    .uri("/api/v1/agent/dossiers")
                    .header("X-Api-Key", key)
                    .header("Idempotency-Key", "k-1")
                    .header("X-Request-Id", "idempotency-down-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(logLine(output, "Idempotency store unavailable"))
                    .contains("\"requestId\":\"idempotency-down-1\"");
            web.post()
                    .uri("/api/v1/agent/dossiers")
                    .header("X-Api-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        } finally {
            redis = EmbeddedRedisServer.start(null, port);
        }
    }

    @Test
    void countsNoFailedAuthenticationWhileRedisIsDown() throws IOException {
        int port = redis.port();
        redis.close();
        try {
            for (int i = 0; i < 15; i++) {
                web.get()
                        .uri("/api/v1/me/dossiers")
                        .headers(h -> h.setBearerAuth("not.a.token"))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized()
                        .expectHeader()
                        .doesNotExist("RateLimit-Remaining");
            }
            assertThat(meters.counter("hcc.gateway.auth.failures", "outcome", "fail-open")
                            .count())
                    .isGreaterThanOrEqualTo(15);
        } finally {
            redis = EmbeddedRedisServer.start(null, port);
        }
    }

    private static String logLine(CapturedOutput output, String message) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains(message))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no log line with " + message));
    }

    private static EmbeddedRedisServer startRedis() {
        try {
            return EmbeddedRedisServer.start(null);
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
