package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hanoi.hcc.gateway.StreamingClient.chunk;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Idempotent POSTs are never held whole in the gateway: the body streams to the BFF while it is
 * hashed, a duplicate in flight and a client over its cap are answered before their body is read,
 * and a body over the route's limit is cut off while it streams.
 */
class IdempotentStreamingTest extends SharedFakeBffTest {

    private static final String BATCH = "/api/v1/agent/events:batch";
    private static final int CHUNK = 64 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Value("${hcc.gateway.idempotency.max-in-flight-per-client:8}")
    private int maxInFlightPerClient;

    @Value("${hcc.gateway.idempotency.max-stored-body}")
    private DataSize maxStoredBody;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Value("${resilience4j.timelimiter.configs.default.timeout-duration}")
    private Duration timeLimit;

    @LocalServerPort
    private int port;

    private String apiKey;
    private StreamingClient streaming;

    @BeforeEach
    void aSystemClient() {
        apiKey = TestApiKeys.system(bff, "city-stream-" + System.nanoTime());
        streaming = new StreamingClient("http://127.0.0.1:" + port, clientIp, apiKey);
    }

    @ParameterizedTest(name = "with an Idempotency-Key: {0}")
    @ValueSource(booleans = {true, false})
    void streamsTheBodyToTheBffWhileTheClientIsStillSendingIt(boolean idempotent) {
        String uri = BATCH + "?streamed=" + System.nanoTime();
        Flux<ByteBuf> body = Flux.concat(chunk(CHUNK, 'a'), arrivedAtTheBff(uri).then(chunk(CHUNK, 'b')));

        StreamingClient.Answer answer = streaming
                .post(uri, idempotent ? "streamed-" + System.nanoTime() : null, body)
                .block(PATIENCE);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(bff.last(uri).body()).hasSize(2 * CHUNK).startsWith("aaa").endsWith("bbb");
    }

    @Test
    void letsASlowUploadToTheBatchRouteFinishPastTheTimeLimiter() {
        String uri = BATCH + "?slow=" + System.nanoTime();
        Duration upload = timeLimit.plusMillis(500);

        StreamingClient.Answer answer = streaming
                .post(
                        uri,
                        "slow-" + System.nanoTime(),
                        Flux.concat(chunk(CHUNK, 'a'), Mono.delay(upload).then(chunk(CHUNK, 'b'))))
                .block(upload.plus(PATIENCE));

        assertThat(answer.status())
                .as("the client's upload time is not the BFF's")
                .isEqualTo(201);
    }

    @Test
    void answers409ToADuplicateInFlightWithoutWaitingForItsBody() {
        String uri = BATCH + "?duplicate=" + System.nanoTime();
        String key = "duplicate-" + System.nanoTime();
        Sinks.Empty<Void> firstEnds = Sinks.empty();
        CompletableFuture<StreamingClient.Answer> first = streaming
                .post(
                        uri,
                        key,
                        Flux.concat(chunk(CHUNK, 'a'), firstEnds.asMono().then(chunk(CHUNK, 'b'))))
                .toFuture();
        arrivedAtTheBff(uri).block();

        StreamingClient.Answer duplicate = streaming
                .post(uri, key, Flux.concat(chunk(CHUNK, 'a'), Mono.never()))
                .block(PATIENCE);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("https://hcc.hanoi.gov.vn/problems/idempotency-key-in-flight");
        firstEnds.tryEmitEmpty();
        assertThat(first.join().status()).isEqualTo(201);
    }

    @Test
    void refusesAClientOverItsInFlightCapWith429BeforeReadingTheBody() {
        long run = System.nanoTime();
        Sinks.Empty<Void> bodiesEnd = Sinks.empty();
        List<CompletableFuture<StreamingClient.Answer>> open = IntStream.range(0, maxInFlightPerClient)
                .mapToObj(i -> streaming
                        .post(
                                BATCH + "?open=" + run + "-" + i,
                                "open-" + run + "-" + i,
                                Flux.concat(
                                        chunk(CHUNK, 'a'), bodiesEnd.asMono().then(chunk(CHUNK, 'b'))))
                        .toFuture())
                .toList();
        IntStream.range(0, open.size())
                .forEach(i -> arrivedAtTheBff(BATCH + "?open=" + run + "-" + i).block());

        String over = BATCH + "?over=" + run;
        system().post()
                .uri(over)
                .header("Idempotency-Key", "over-" + run)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/too-many-in-flight");
        assertThat(bff.bytesArrived(over)).isZero();

        bodiesEnd.tryEmitEmpty();
        assertThat(open)
                .allSatisfy(request -> assertThat(request.join().status()).isEqualTo(201));
        system().post()
                .uri(over)
                .header("Idempotency-Key", "over-" + run)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void refusesABodyOverTheRouteLimitWhileItStreamsAndFreesTheKey() {
        String uri = BATCH + "?oversized=" + System.nanoTime();
        String key = "oversized-" + System.nanoTime();
        long limit = 5L * 1024 * 1024;
        List<Throwable> failures = failuresCountedBy("agent-batch");

        StreamingClient.Answer answer = streaming
                .post(uri, key, Flux.range(0, (int) (limit / CHUNK) + 1).concatMap(i -> chunk(CHUNK, 'x')))
                .block(PATIENCE);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("https://hcc.hanoi.gov.vn/problems/payload-too-large");
        assertThat(bff.bytesArrived(uri)).isLessThanOrEqualTo(limit);
        assertThat(failures).as("the client's excess is not the BFF's failure").isEmpty();
        assertThat(streaming
                        .post(uri, key, chunk(CHUNK, 'y').flux())
                        .block(PATIENCE)
                        .status())
                .as("the key was released, not held for the refused body")
                .isEqualTo(201);
    }

    @Test
    void freesTheKeyAndSparesTheCircuitWhenTheClientAbandonsItsUpload() {
        String uri = BATCH + "?abandoned=" + System.nanoTime();
        String key = "abandoned-" + System.nanoTime();
        List<Throwable> failures = failuresCountedBy("agent-batch");

        streaming
                .post(
                        uri,
                        key,
                        Flux.concat(
                                chunk(CHUNK, 'a'),
                                arrivedAtTheBff(uri)
                                        .then(Mono.error(new IllegalStateException("the client gives up")))))
                .onErrorResume(failure -> Mono.empty())
                .block(PATIENCE);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(streaming
                                .post(uri, key, chunk(CHUNK, 'b').flux())
                                .block(PATIENCE)
                                .status())
                        .as("the retry runs: nothing of the abandoned request reached the BFF whole")
                        .isEqualTo(201));
        assertThat(failures).as("a client leaving is not the BFF's failure").isEmpty();
    }

    @Test
    void replaysABodyLargerThanTheLargestStoredAnswerAndRefusesAnotherOfTheSameSize() {
        String uri = BATCH + "?large=" + System.nanoTime();
        String key = "large-" + System.nanoTime();
        byte[] large = new byte[(int) maxStoredBody.toBytes() * 2];
        Arrays.fill(large, (byte) 'l');

        String first = postBytes(uri, key, large)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(bff.last(uri).body()).hasSize(large.length);
        long reached = bff.count(uri);

        postBytes(uri, key, large)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class)
                .isEqualTo(first);
        large[large.length - 1] = 'm';
        postBytes(uri, key, large)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/idempotency-key-reused");
        assertThat(bff.count(uri)).as("neither retry reached the BFF").isEqualTo(reached);
    }

    /** The failures the route's circuit breaker counts from now on (the list says which, should one come). */
    private List<Throwable> failuresCountedBy(String route) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        breakers.circuitBreaker(route).getEventPublisher().onError(event -> failures.add(event.getThrowable()));
        return failures;
    }

    private WebTestClient system() {
        return web.mutate().defaultHeader("X-Api-Key", apiKey).build();
    }

    private WebTestClient.ResponseSpec postBytes(String uri, String key, byte[] body) {
        return system().post()
                .uri(uri)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Completes once the fake BFF has received a first byte for this URI, or fails after 10 s. */
    private static Mono<Void> arrivedAtTheBff(String uri) {
        return Flux.interval(Duration.ofMillis(10))
                .filter(tick -> bff.bytesArrived(uri) > 0)
                .next()
                .then()
                .timeout(
                        Duration.ofSeconds(10),
                        Mono.error(new IllegalStateException(
                                "no byte of " + uri + " reached the BFF: the gateway is holding the body back")));
    }
}
