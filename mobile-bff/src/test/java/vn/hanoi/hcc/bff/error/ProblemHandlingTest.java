package vn.hanoi.hcc.bff.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.UncategorizedR2dbcException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.pool.PoolAcquireTimeoutException;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.testsupport.embedded.FreePort;

/** Every kind of failure answers problem+json, and none leaks what went wrong inside. */
@WebFluxTest(controllers = ProblemHandlingTest.FailingController.class)
@Import({ProblemHandlingTest.FailingController.class, ProblemMapper.class, ProblemJsonWebExceptionHandler.class})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlingTest {

    @Autowired
    WebTestClient web;

    @Test
    void hidesAnUnexpectedErrorBehindA500(CapturedOutput output) {
        web.get()
                .uri("/test/boom")
                .header("X-Request-Id", "boom-1")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/internal-error")
                .jsonPath("$.detail")
                .isEqualTo("An unexpected error occurred; quote the request id to support")
                .jsonPath("$.requestId")
                .isEqualTo("boom-1")
                .consumeWith(body -> assertThat(new String(body.getResponseBody()))
                        .doesNotContain("SELECT", "IllegalStateException", "at vn.hanoi"));
        assertThat(output).contains("SELECT secret FROM vault");
    }

    @Test
    void answersAnUnavailableDatabaseWith503AndRetryAfter() {
        web.get()
                .uri("/test/database-down")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-transaction", "closed", "pool-timeout", "shutting-down", "resource-failure"})
    void answersEveryKindOfUnreachableDatabaseWith503AndOneWarning(String kind, CapturedOutput output) {
        web.get()
                .uri("/test/database-unreachable/{kind}", kind)
                .header("X-Request-Id", "db-down-" + kind)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable")
                .jsonPath("$.title")
                .isEqualTo("Service temporarily unavailable")
                .jsonPath("$.requestId")
                .isEqualTo("db-down-" + kind);

        assertThat(output.getOut().lines().filter(line -> line.contains("/test/database-unreachable/" + kind)))
                .filteredOn(line -> line.contains("A backing service is unavailable"))
                .singleElement()
                .asString()
                .contains("\"WARN\"")
                .doesNotContain("stack_trace", "\\tat ");
    }

    @Test
    void answersARealRefusedPostgresConnectionWith503() {
        // the driver's first connection loads Netty's and the driver's classes: slow on a busy machine
        web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/test/database-refused")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable");
    }

    @ParameterizedTest
    @ValueSource(
            ints = {400, 401, 403, 404, 405, 406, 408, 409, 410, 413, 415, 416, 418, 422, 429, 500, 501, 502, 503, 504})
    void answersEveryStatusTheFrameworkRaisesWithAProblem(int status) {
        // a status with a problem type of its own keeps it; any other is a 400 or a 500
        int expected =
                List.of(400, 401, 403, 404, 406, 409, 413, 415, 429, 500, 503).contains(status)
                        ? status
                        : status < 500 ? 400 : 500;
        web.get()
                .uri("/test/status/{status}", status)
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat((String) type).startsWith(ProblemType.BASE_URI))
                .jsonPath("$.status")
                .isEqualTo(expected);
    }

    @Test
    void answersAServiceUnavailableStatusWithRetryAfter() {
        web.get()
                .uri("/test/status/503")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5");
    }

    @Test
    void namesAQueryParameterOfTheWrongType() {
        web.get()
                .uri("/test/number?n=abc")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("n");
    }

    @Test
    void namesAMissingQueryParameter() {
        web.get()
                .uri("/test/number")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("n");
    }

    @Test
    void refusesMalformedJson() {
        web.post()
                .uri("/test/echo")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("body");
    }

    @Test
    void namesEveryInvalidBodyField() {
        web.post()
                .uri("/test/echo")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("name")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("name"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        web.post()
                .uri("/test/echo")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAnUnknownPathWith404Problem() {
        web.get()
                .uri("/nothing/here")
                .header("X-Request-Id", "nothing-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/not-found")
                .jsonPath("$.requestId")
                .isEqualTo("nothing-1");
    }

    @Test
    void logsWithTheRequestIdOnAnyThread(CapturedOutput output) {
        web.get()
                .uri("/test/log")
                .header("X-Request-Id", "thread-hop-7")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("logged on another thread")))
                .singleElement()
                .asString()
                .contains("\"requestId\":\"thread-hop-7\"");
    }

    @RestController
    static class FailingController {

        private static final Logger log = LoggerFactory.getLogger(FailingController.class);

        @GetMapping("/test/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("SELECT secret FROM vault failed"));
        }

        @GetMapping("/test/database-down")
        Mono<String> databaseDown() {
            return Mono.error(new DataAccessResourceFailureException("connection refused"));
        }

        @GetMapping("/test/database-unreachable/{kind}")
        Mono<String> databaseUnreachable(@PathVariable String kind) {
            return Mono.error(
                    switch (kind) {
                        case "no-transaction" ->
                            new CannotCreateTransactionException(
                                    "Could not open R2DBC Connection for transaction",
                                    new R2dbcNonTransientResourceException("Connection refused: /127.0.0.1:5432"));
                        case "closed" ->
                            new UncategorizedR2dbcException(
                                    "executing", "SELECT 1", new R2dbcTransientResourceException("Connection closed"));
                        case "pool-timeout" ->
                            new DataAccessResourceFailureException(
                                    "Failed to obtain R2DBC Connection",
                                    new R2dbcTimeoutException(
                                            "Connection acquisition timed out after 2000ms",
                                            new PoolAcquireTimeoutException(Duration.ofSeconds(2))));
                        case "shutting-down" ->
                            new UncategorizedR2dbcException(
                                    "executing",
                                    "SELECT 1",
                                    new R2dbcException(
                                            "terminating connection due to administrator command", "57P01") {});
                        default -> new DataAccessResourceFailureException("Failed to obtain R2DBC Connection");
                    });
        }

        /** A real R2DBC PostgreSQL connection factory aimed at a port nobody listens on (made off the event loop). */
        private static final ConnectionFactory NOBODY =
                ConnectionFactories.get("r2dbc:postgresql://nobody@127.0.0.1:" + FreePort.find() + "/nothing");

        @GetMapping("/test/database-refused")
        Mono<Integer> databaseRefused() {
            return TransactionalOperator.create(new R2dbcTransactionManager(NOBODY))
                    .transactional(Mono.just(1));
        }

        @GetMapping("/test/status/{status}")
        Mono<String> status(@PathVariable int status) {
            return Mono.error(
                    status == 500
                            ? new ServerErrorException("framework " + status, new IllegalStateException())
                            : new ResponseStatusException(HttpStatusCode.valueOf(status)));
        }

        @GetMapping("/test/number")
        Mono<Integer> number(@RequestParam int n) {
            return Mono.just(n);
        }

        @PostMapping("/test/echo")
        Mono<Named> echo(@Valid @RequestBody Named named) {
            return Mono.just(named);
        }

        @GetMapping("/test/log")
        Mono<String> logOnAnotherThread() {
            return Mono.fromCallable(() -> {
                        log.info("logged on another thread");
                        return "ok";
                    })
                    .subscribeOn(Schedulers.parallel());
        }
    }

    record Named(@NotBlank @Size(max = 10) String name) {}
}
