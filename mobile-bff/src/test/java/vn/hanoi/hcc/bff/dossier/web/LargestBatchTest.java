package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The largest body the API takes: a batch of 500 events, every text at its longest and in 3-byte
 * UTF-8 ({@code ệ}), every identifier escaped where JSON makes it longest. It sizes
 * {@code spring.http.codecs.max-in-memory-size}, and the gateway's agent-batch route lets through no
 * more (Spring's default, 256 KB, refused such a batch with 413).
 */
class LargestBatchTest extends BffIntegrationTest {

    /** What the BFF reads into memory at most (256KB, the codecs' own default, unless configured). */
    @Value("${spring.http.codecs.max-in-memory-size:256KB}")
    private DataSize limit;

    @Test
    void readsTheLargestValidBatchAndAnswersEveryEvent() {
        byte[] batch = largestValidBatch();

        Map<String, Object> answer = post(batch)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        assertThat((long) batch.length).as("the largest valid batch, in bytes").isBetween(4_800_000L, limit.toBytes());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertThat(results)
                .hasSize(500)
                .allSatisfy(result -> assertThat(result.get("problem"))
                        .as("every event valid: refused only because its dossier does not exist")
                        .asString()
                        .contains("status=404"));
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        byte[] over = new byte[(int) limit.toBytes() + 1];
        java.util.Arrays.fill(over, (byte) ' ');
        over[0] = '{';
        over[over.length - 1] = '}';

        post(over)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/payload-too-large");
    }

    private WebTestClient.ResponseSpec post(byte[] body) {
        return as(TestIdentityTokens.agent("agent-largest-" + System.nanoTime(), List.of("dossiers:write")))
                .mutate()
                .responseTimeout(Duration.ofSeconds(120))
                .build()
                .post()
                .uri("/api/v1/agent/events:batch")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Compact JSON, as a client's JSON writer makes it (whitespace would only add to it). */
    static byte[] largestValidBatch() {
        String agency = "ệ".repeat(100);
        String note = "ệ".repeat(2000);
        String reason = "ệ".repeat(1000);
        String events = IntStream.range(0, 500)
                .mapToObj(i -> "{\"code\":\"H26.99" + "A".repeat(14) + "-251122-"
                        + String.format("%06d", i) + "\",\"eventId\":\"" + String.format("%03d", i) + "\\\"".repeat(97)
                        + "\",\"status\":10,\"occurredAt\":\"2025-11-22T10:15:30.123456789Z\",\"agency\":\"" + agency
                        + "\",\"note\":\"" + note + "\",\"dueAt\":\"2025-12-22T10:15:30.123456789Z\",\"reason\":\""
                        + reason + "\"}")
                .collect(Collectors.joining(","));
        return ("{\"events\":[" + events + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
