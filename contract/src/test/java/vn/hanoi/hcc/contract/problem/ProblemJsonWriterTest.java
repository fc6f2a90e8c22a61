package vn.hanoi.hcc.contract.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A problem written where no controller answers looks like one a controller wrote. */
class ProblemJsonWriterTest {

    record Body(String type, String title, int status, String requestId) {}

    private final ProblemJsonWriter writer = new ProblemJsonWriter(ServerCodecConfigurer.create());

    @Test
    void writesTheBodyAsProblemJsonWithTheStatusAndHeaders() {
        ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        WebTestClient client = WebTestClient.bindToWebHandler(exchange -> writer.write(
                        exchange,
                        type.status().value(),
                        headers,
                        new Body(
                                type.uri().toString(),
                                type.title(),
                                type.status().value(),
                                "req-1")))
                .build();

        client.get()
                .uri("/api/v1/anything")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable")
                .jsonPath("$.title")
                .isEqualTo("Service temporarily unavailable")
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.requestId")
                .isEqualTo("req-1");
    }
}
