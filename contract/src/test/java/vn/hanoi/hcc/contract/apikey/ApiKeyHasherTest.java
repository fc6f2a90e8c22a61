package vn.hanoi.hcc.contract.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hash both services compute of a key: HMAC-SHA256 with the pepper, in lower-case hex. */
class ApiKeyHasherTest {

    @Test
    void isHmacSha256OfTheKeyWithThePepper() {
        // RFC 4231, test case 2
        assertThat(new ApiKeyHasher("Jefe").hash("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void dependsOnThePepper() {
        assertThat(new ApiKeyHasher("p".repeat(32)).hash("dev-agent-key"))
                .isNotEqualTo(new ApiKeyHasher("q".repeat(32)).hash("dev-agent-key"))
                .isEqualTo(new ApiKeyHasher("p".repeat(32)).hash("dev-agent-key"));
    }
}
