package vn.hanoi.hcc.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;

/**
 * Machine clients' API keys ({@code hcc.gateway.api-keys.*}).
 *
 * @param pepper the HMAC key keys are hashed with before lookup, shared with the BFF (a Secret); at
 *        least 32 characters, as the 32 random bytes (base64) run-local.sh and the cluster's Secret hold
 * @param cacheTtl how long a resolved (or unknown) key is remembered; bounds how late a revocation
 *        takes effect, so it must stay under 10 s
 * @param lookupTimeout how long the BFF's key store may take to answer (waiting for a connection included)
 * @param pool the key store's own connections
 * @param scopeRules which scope each machine operation needs
 */
@Validated
@ConfigurationProperties("hcc.gateway.api-keys")
public record ApiKeyProperties(
        @NotBlank String pepper,
        @NotNull Duration cacheTtl,
        @NotNull Duration lookupTimeout,
        @NotNull @Valid Pool pool,
        @Valid List<ScopeRule> scopeRules) {

    public ApiKeyProperties {
        scopeRules = scopeRules == null ? List.of() : List.copyOf(scopeRules);
    }

    /** A method, not a constraint on the field: a refused field's value would be written in the startup log. */
    @AssertTrue(message = "pepper must be at least 32 characters: the hashes of short keys must not be guessable")
    boolean isPepperLongEnough() {
        return pepper == null || pepper.length() >= 32;
    }

    @AssertTrue(message = "cache-ttl must be under 10s: revocation must reach every replica within 10 s")
    boolean isRevocationPromptEnough() {
        return cacheTtl == null || cacheTtl.compareTo(Duration.ofSeconds(10)) < 0;
    }

    /**
     * The connections to the key store, kept apart from the routes' pool so that a flood of unknown
     * keys cannot take the connections routed requests need.
     *
     * @param maxConnections lookups at once
     * @param maxPending lookups waiting for a connection; past that, a lookup fails at once (503)
     */
    public record Pool(
            @Positive int maxConnections, @Positive int maxPending) {}

    /** A request of this method on paths matching this pattern needs this scope. */
    public record ScopeRule(
            @NotNull HttpMethod method,
            @NotBlank String path,
            @NotBlank String scope) {}

    @Override
    public String toString() {
        return "ApiKeyProperties[cacheTtl=" + cacheTtl + ", lookupTimeout=" + lookupTimeout + ", pool=" + pool
                + ", scopeRules=" + scopeRules + ", pepper=(hidden)]";
    }
}
