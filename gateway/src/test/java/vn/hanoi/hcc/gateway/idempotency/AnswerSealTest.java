package vn.hanoi.hcc.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Sealed answers open only for the client, key and request they were sealed for. */
class AnswerSealTest {

    private static final String FINGERPRINT = "f".repeat(64);
    private static final RecordedAnswer ANSWER = new RecordedAnswer(
            201,
            Map.of("Content-Type", "application/json"),
            "{\"lookupSecret\":\"s3cr3t-of-the-dossier\"}".getBytes(StandardCharsets.UTF_8));

    private final AnswerSeal seal = seal(secret((byte) 1));

    @Test
    void opensWhatItSealedForTheSameClientKeyAndRequest() {
        String sealed = seal.seal("city", "key-1", FINGERPRINT, ANSWER);

        RecordedAnswer opened = seal.open("city", "key-1", FINGERPRINT, sealed);

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.headers()).isEqualTo(ANSWER.headers());
        assertThat(opened.body()).isEqualTo(ANSWER.body());
        assertThat(sealed)
                .doesNotContain("s3cr3t")
                .doesNotContain(Base64.getEncoder().encodeToString(ANSWER.body()));
    }

    @Test
    void sealsTheSameAnswerDifferentlyEachTime() {
        assertThat(seal.seal("city", "key-1", FINGERPRINT, ANSWER))
                .isNotEqualTo(seal.seal("city", "key-1", FINGERPRINT, ANSWER));
    }

    @Test
    void opensNothingWithoutTheClientsOwnKeyTheSameRequestAndTheSameSecret() {
        String sealed = seal.seal("city", "key-1", FINGERPRINT, ANSWER);

        assertThatThrownBy(() -> seal.open("city", "key-2", FINGERPRINT, sealed))
                .isInstanceOf(AnswerSeal.UnreadableAnswerException.class);
        assertThatThrownBy(() -> seal.open("other-client", "key-1", FINGERPRINT, sealed))
                .isInstanceOf(AnswerSeal.UnreadableAnswerException.class);
        assertThatThrownBy(() -> seal.open("city", "key-1", "0".repeat(64), sealed))
                .isInstanceOf(AnswerSeal.UnreadableAnswerException.class);
        assertThatThrownBy(() -> seal(secret((byte) 2)).open("city", "key-1", FINGERPRINT, sealed))
                .isInstanceOf(AnswerSeal.UnreadableAnswerException.class);
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> properties(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("at least 32 bytes");
        assertThat(properties(secret((byte) 1)).toString())
                .doesNotContain(secret((byte) 1))
                .contains("hidden");
    }

    private static AnswerSeal seal(String secret) {
        try {
            return new AnswerSeal(properties(secret), JsonMapper.builder().build());
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static IdempotencyProperties properties(String secret) {
        return new IdempotencyProperties(
                Duration.ofHours(24),
                Duration.ofSeconds(60),
                DataSize.ofMegabytes(1),
                Duration.ofMillis(500),
                secret,
                8);
    }

    private static String secret(byte fill) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, fill);
        return Base64.getEncoder().encodeToString(secret);
    }
}
