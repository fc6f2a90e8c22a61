package vn.hanoi.hcc.contract.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The shared key is base64 of at least 32 bytes, and nothing else passes for one. */
class IdentityTokenKeyTest {

    @Test
    void countsTheDecodedBytes() {
        assertThat(IdentityTokenKey.isLongEnough(Base64.getEncoder().encodeToString(new byte[32])))
                .isTrue();
        assertThat(IdentityTokenKey.isLongEnough(Base64.getEncoder().encodeToString(new byte[31])))
                .isFalse();
    }

    @Test
    void ignoresTheWhiteSpaceAroundIt() {
        assertThat(IdentityTokenKey.decode(" AAEC\n")).containsExactly(0, 1, 2);
    }

    @Test
    void takesNoTextThatIsNotBase64() {
        String notBase64 = "not base64 at all! but long enough to pass if counted";

        assertThat(IdentityTokenKey.isLongEnough(notBase64)).isFalse();
        assertThatThrownBy(() -> IdentityTokenKey.decode(notBase64)).isInstanceOf(IllegalArgumentException.class);
    }
}
