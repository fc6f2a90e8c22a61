package vn.hanoi.hcc.gateway.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.hanoi.hcc.contract.identity.IdentityTokenKey;

/**
 * The internal identity token the gateway signs for the BFF ({@code hcc.gateway.internal-token.*}).
 *
 * @param secret base64 HMAC-SHA256 key of at least 32 bytes, shared with the BFF (a Secret)
 * @param header the request header that carries the token to the BFF
 * @param issuer the token's {@code iss}
 * @param audience the token's {@code aud}
 * @param ttl how long a token is valid
 */
@Validated
@ConfigurationProperties("hcc.gateway.internal-token")
public record InternalTokenProperties(
        @NotBlank String secret,
        @NotBlank String header,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull Duration ttl) {

    /** HS256 needs a key of at least 256 bits ({@link IdentityTokenKey#MIN_BYTES}). */
    @AssertTrue(message = "secret must be base64 of at least 32 bytes")
    boolean isSecretLongEnough() {
        if (secret == null || secret.isBlank()) {
            return true; // @NotBlank says so
        }
        return IdentityTokenKey.isLongEnough(secret);
    }

    @Override
    public String toString() {
        return "InternalTokenProperties[header=" + header + ", issuer=" + issuer + ", audience=" + audience + ", ttl="
                + ttl + ", secret=(hidden)]";
    }
}
