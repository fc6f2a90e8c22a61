package vn.hanoi.hcc.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;

/**
 * Machine clients' API keys ({@code hcc.gateway.api-keys.*}).
 *
 * @param pepper the HMAC key keys are hashed with before lookup, shared with the BFF (a Secret)
 * @param cacheTtl how long a resolved (or unknown) key is remembered; bounds how late a revocation
 *        takes effect, so it must stay under 10 s
 * @param lookupTimeout how long the BFF's key store may take to answer
 * @param scopeRules which scope each machine operation needs
 */
@Validated
@ConfigurationProperties("hcc.gateway.api-keys")
public record ApiKeyProperties(
        @NotBlank String pepper,
        @NotNull Duration cacheTtl,
        @NotNull Duration lookupTimeout,
        @Valid List<ScopeRule> scopeRules) {

    public ApiKeyProperties {
        scopeRules = scopeRules == null ? List.of() : List.copyOf(scopeRules);
    }

    @AssertTrue(message = "cache-ttl must be under 10s: revocation must reach every replica within 10 s")
    boolean isRevocationPromptEnough() {
        return cacheTtl == null || cacheTtl.compareTo(Duration.ofSeconds(10)) < 0;
    }

    /** A request of this method on paths matching this pattern needs this scope. */
    public record ScopeRule(@NotNull HttpMethod method, @NotBlank String path, @NotBlank String scope) {
    }

    @Override
    public String toString() {
        return "ApiKeyProperties[cacheTtl=" + cacheTtl + ", lookupTimeout=" + lookupTimeout + ", scopeRules="
                + scopeRules + ", pepper=(hidden)]";
    }
}
