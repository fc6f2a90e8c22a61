package vn.hanoi.hcc.gateway.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are validated ({@code hcc.gateway.identity.*}).
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param jwksUri the identity provider's JWKS endpoint, https; absent (or blank) only in the
 *        {@code local} profile, which signs with a key of its own
 * @param jwksHttpLoopbackAllowed whether an http JWKS on a loopback address is accepted too (the
 *        tests' and benchmarks' fake provider): nothing on the network can change what loopback serves
 * @param jwksRefreshInterval how old the provider's keys may get before they are fetched again, so
 *        that a key the provider removed stops verifying within this time
 * @param jwksMinRefreshInterval the least time between two fetches, whatever tokens arrive: a token
 *        with a key id not in the keys fetches them again only this often
 * @param jwksTimeout how long a fetch may take before it counts as failed
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
        boolean jwksHttpLoopbackAllowed,
        @NotNull Duration jwksRefreshInterval,
        @NotNull Duration jwksMinRefreshInterval,
        @NotNull Duration jwksTimeout,
        @NotNull Duration clockSkew,
        @NotBlank String rolesClaim,
        @NotEmpty List<String> algorithms) {

    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[::1]");

    boolean usesJwks() {
        return jwksUri != null && !jwksUri.isBlank();
    }

    @AssertTrue(
            message = "must be https (http only to a loopback address, with jwks-http-loopback-allowed): "
                    + "the keys that decide who is who must not be open to tampering on the way")
    boolean isJwksUriSecure() {
        if (!usesJwks()) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(jwksUri.strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return !host.isEmpty()
                && (scheme.equals("https")
                        || scheme.equals("http")
                                && jwksHttpLoopbackAllowed
                                && LOOPBACK.matcher(host).matches());
    }

    @AssertTrue(message = "jwks-min-refresh-interval must not exceed jwks-refresh-interval")
    boolean isJwksRefreshConsistent() {
        return jwksRefreshInterval == null
                || jwksMinRefreshInterval == null
                || jwksMinRefreshInterval.compareTo(jwksRefreshInterval) <= 0;
    }
}
