package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Methods, sizes, CORS, security headers, compression. */
class HygieneTest extends SharedFakeBffTest {

    @Test
    void answersAMethodTheRouteDoesNotServeWith405() {
        web.put()
                .uri("/api/v1/points/HQ")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        "Allow",
                        allow -> assertThat(allow).contains("GET", "HEAD").doesNotContain("PUT"))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/method-not-allowed");
        web.get()
                .uri("/api/v1/dossiers/lookup")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "POST");
        assertThat(bff.last("/api/v1/dossiers/lookup?never")).isNull();
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        byte[] big = new byte[65 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');

        web.post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/payload-too-large");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWith413() {
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        "x".repeat(4096).getBytes(StandardCharsets.UTF_8)));

        web.post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void refusesOversizedHeadersWith431() {
        web.get()
                .uri("/api/v1/points")
                .header("X-Padding", "p".repeat(9 * 1024))
                .exchange()
                .expectStatus()
                .isEqualTo(431)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/headers-too-large");
    }

    @Test
    void allowsTheMobileWebOriginOnly() {
        web.options()
                .uri("/api/v1/points")
                .header("Origin", "https://app.test.hcc.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://app.test.hcc.example");
        web.get()
                .uri("/api/v1/points")
                .header("Origin", "https://app.test.hcc.example")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "https://app.test.hcc.example")
                .expectHeader()
                .value(
                        "Access-Control-Expose-Headers",
                        exposed -> assertThat(exposed).contains("X-Request-Id", "RateLimit-Remaining"));
        web.options()
                .uri("/api/v1/points")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void sendsSecurityHeaders() {
        web.get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
    }

    @LocalServerPort
    int port;

    /** With the JDK's client: WebTestClient would decompress the answer and hide the encoding. */
    @Test
    void compressesLargeAnswersForClientsThatAccept() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/points/big"))
                                .header("Accept-Encoding", "gzip")
                                .header("X-Forwarded-For", clientIp)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(answer.body().length).isLessThan(2_000);
    }
}
