package vn.hanoi.hcc.bff.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * Suggestions run on workers of their own with a short queue: a burst of different questions (each
 * a computation of its own, nothing cached) is answered up to what they take and refused beyond it
 * at once, as a problem+json 503 with Retry-After, never queued without bound; meanwhile the public
 * report still answers. Each suggestion takes 3 s here, so that the burst outlasts the report's
 * request.
 */
@TestPropertySource(properties = {"hcc.bff.coverage.suggestions.workers=1", "hcc.bff.coverage.suggestions.queue=1"})
@Import(SuggestionBurstTest.SlowSuggestions.class)
class SuggestionBurstTest extends BffIntegrationTest {

    /** Different questions (counts 1 to 8): four times what one worker and a queue of one take. */
    private static final int BURST = 8;

    private static final Duration SUGGESTION_TIME = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void aBurstIsAnsweredUpToTheWorkersAndQueueAndRefusedBeyondWhileTheReportAnswers() {
        WebTestClient anyone = web.mutate().responseTimeout(PATIENCE).build();
        anyone.get().uri("/api/v1/coverage").exchange().expectStatus().isOk();
        WebClient planner = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(TestIdentityTokens.HEADER, TestIdentityTokens.ops("planner-suggestions-burst"))
                .build();

        Mono<List<Answer>> burst = Flux.range(1, BURST)
                .flatMap(count -> suggest(planner, count), BURST)
                .collectList()
                .cache();
        Disposable running = burst.subscribe();
        try {
            anyone.get()
                    .uri("/api/v1/coverage?mode=walk")
                    .exchange()
                    .expectStatus()
                    .isOk();

            List<Answer> answers = burst.block(PATIENCE);

            assertThat(answers).hasSize(BURST);
            assertThat(answers.stream().filter(answer -> answer.status() == 200))
                    .as("what one worker and a queue of one take")
                    .hasSizeBetween(1, 2);
            assertThat(answers.stream().filter(answer -> answer.status() != 200))
                    .as("the rest, refused at once")
                    .hasSizeGreaterThanOrEqualTo(BURST - 2)
                    .allSatisfy(refused -> {
                        assertThat(refused.status()).isEqualTo(503);
                        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        assertThat(refused.retryAfter()).isNotBlank();
                        assertThat(refused.took()).isLessThan(SUGGESTION_TIME);
                    });
        } finally {
            running.dispose();
        }
    }

    private record Answer(int status, String contentType, String retryAfter, Duration took) {}

    private static Mono<Answer> suggest(WebClient planner, int count) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return planner.post()
                    .uri("/api/v1/coverage/suggestions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"count\": " + count + ", \"candidates\": \"wards\"}")
                    .exchangeToMono(response -> response.releaseBody()
                            .thenReturn(new Answer(
                                    response.statusCode().value(),
                                    String.valueOf(
                                            response.headers().asHttpHeaders().getContentType()),
                                    response.headers().asHttpHeaders().getFirst("Retry-After"),
                                    Duration.ofNanos(System.nanoTime() - started))));
        });
    }

    /** The real suggester, 3 s slower: long enough for the burst to find the worker and queue taken. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowSuggestions {

        @Bean
        @Primary
        CoverageSuggester slowSuggester(HeuristicTravelTimes model) {
            return new CoverageSuggester(model) {
                @Override
                Suggestions suggest(
                        List<Ward> wards,
                        PointSnapshot network,
                        SuggestionQuery query,
                        LocalTime at,
                        double gridStepKm,
                        long deadline) {
                    // a suggestion worker's thread, where blocking is allowed
                    LockSupport.parkNanos(SUGGESTION_TIME.toNanos());
                    return super.suggest(wards, network, query, at, gridStepKm, deadline);
                }
            };
        }
    }
}
