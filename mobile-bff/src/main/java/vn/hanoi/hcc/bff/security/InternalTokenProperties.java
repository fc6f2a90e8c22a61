package vn.hanoi.hcc.bff.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.hanoi.hcc.contract.identity.IdentityTokenKey;

/**
 * The gateway's internal identity token ({@code hcc.bff.internal-token.*}).
 *
 * @param secret base64 HMAC-SHA256 key shared with the gateway (a Secret), at least 32 bytes
 * @param header the request header that carries it
 * @param issuer the {@code iss} it must carry
 * @param audience a value its {@code aud} must contain
 * @param clockSkew tolerance on {@code exp}
 */
@Validated
@ConfigurationProperties("hcc.bff.internal-token")
public record InternalTokenProperties(
        @NotBlank String secret,
        @NotBlank String header,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull Duration clockSkew) {

    public InternalTokenProperties {
        if (secret != null && !secret.isBlank() && IdentityTokenKey.decode(secret).length < SecretLength.MIN_BYTES) {
            throw new IllegalArgumentException("hcc.bff.internal-token.secret (base64) " + SecretLength.ADVICE);
        }
    }

    @Override
    public String toString() {
        return "InternalTokenProperties[header=" + header + ", issuer=" + issuer + ", audience=" + audience
                + ", secret=(hidden)]";
    }
}
