package vn.hanoi.hcc.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are validated ({@code hcc.gateway.identity.*}).
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param jwksUri the identity provider's JWKS endpoint; absent (or blank) only in the
 *        {@code local} profile, which signs with a key of its own
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param rolesClaim the claim holding the person's roles (a list of strings)
 * @param algorithms the signature algorithms accepted from the provider
 */
@Validated
@ConfigurationProperties("hcc.gateway.identity")
public record IdentityProperties(
        @NotBlank String issuer,
        @NotBlank String audience,
        String jwksUri,
        @NotNull Duration clockSkew,
        @NotBlank String rolesClaim,
        @NotEmpty List<String> algorithms) {

    boolean usesJwks() {
        return jwksUri != null && !jwksUri.isBlank();
    }
}
