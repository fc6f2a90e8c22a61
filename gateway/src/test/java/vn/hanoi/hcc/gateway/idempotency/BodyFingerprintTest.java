package vn.hanoi.hcc.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The fingerprint hashed buffer by buffer is the SHA-256 of the whole request, as records always held it. */
class BodyFingerprintTest {

    private static final String BODY = "{\"events\":[" + "{\"code\":\"H26.99-251122-0001\"},".repeat(200) + "{}]}";

    @Test
    void hashesABodyInPiecesAsIfItWereWhole() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/agent/events:batch?dry=1")
                .body(Flux.range(0, BODY.length() / 100 + 1)
                        .map(i -> BODY.substring(i * 100, Math.min(BODY.length(), i * 100 + 100)))
                        .map(piece -> buffer(piece)));

        StepVerifier.create(BodyFingerprint.ofWholeBody(request))
                .expectNext(BodyFingerprint.sha256("POST /api/v1/agent/events:batch?dry=1\n" + BODY))
                .verifyComplete();
    }

    @Test
    void passesTheBodyOnUnchangedAndGivesNoFingerprintForABodyThatFailed() {
        MockServerHttpRequest request =
                MockServerHttpRequest.post("/api/v1/agent/dossiers").body("{}");
        BodyFingerprint fingerprint = BodyFingerprint.of(request);

        StepVerifier.create(fingerprint
                        .hashing(Flux.just(buffer("{"), buffer("}")))
                        .map(buffer -> buffer.toString(StandardCharsets.UTF_8)))
                .expectNext("{", "}")
                .verifyComplete();
        StepVerifier.create(fingerprint.whole())
                .expectNext(BodyFingerprint.sha256("POST /api/v1/agent/dossiers?null\n{}"))
                .verifyComplete();

        BodyFingerprint cut = BodyFingerprint.of(request);
        StepVerifier.create(
                        cut.hashing(Flux.concat(Flux.just(buffer("{")), Flux.error(new IllegalStateException("cut")))))
                .expectNextCount(1)
                .verifyError();
        StepVerifier.create(cut.whole()).verifyComplete();
    }

    @Test
    void knowsTheTargetBeforeTheBody() {
        MockServerHttpRequest request =
                MockServerHttpRequest.post("/api/v1/agent/dossiers").body(Flux.never());

        assertThat(BodyFingerprint.target(request))
                .isEqualTo(BodyFingerprint.sha256("POST /api/v1/agent/dossiers?null\n"));
    }

    private static DataBuffer buffer(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
