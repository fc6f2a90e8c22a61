package vn.hanoi.hcc.contract.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which supplied ids are kept, and what a made one looks like. */
class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "app-7f3a.1", "gw:2026-12-06T03:00:00Z", "A_b-C.d:E"})
    void keepsIdsThatCannotSmuggleAnything(String id) {
        assertThat(RequestId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "new\nline", "<script>", "ü", "semi;colon", "quote\"d"})
    void refusesAnythingElse(String id) {
        assertThat(RequestId.isValid(id)).isFalse();
    }

    @Test
    void refusesMissingAndOverlongIds() {
        assertThat(RequestId.isValid(null)).isFalse();
        assertThat(RequestId.isValid("x".repeat(128))).isTrue();
        assertThat(RequestId.isValid("x".repeat(129))).isFalse();
    }

    @Test
    void makesRandomVersion4Uuids() {
        String made = RequestId.generate();
        UUID uuid = UUID.fromString(made);

        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(RequestId.isValid(made)).isTrue();
        assertThat(RequestId.generate()).isNotEqualTo(made);
    }
}
