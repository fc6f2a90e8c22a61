package vn.hanoi.hcc.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code hcc.gateway.rate-limit.*}).
 *
 * @param commandTimeout how long the Redis check may take before the limiter lets the request
 *        through unmetered
 * @param anonymous the bucket of each client IP on public routes
 * @param user the bucket of each signed-in person
 * @param strict the stricter bucket of each client IP on {@code strictRoutes}
 * @param strictRoutes route ids under the strict bucket (the dossier lookup)
 * @param tiers machine clients' buckets and daily quotas by rate tier
 * @param defaultTier the tier of a key whose tier is not configured
 * @param authFailures how many failed authentications a client address may make
 * @param lease how many tokens a replica may take from a bucket ahead of time ({@link TokenLeases})
 */
@Validated
@ConfigurationProperties("hcc.gateway.rate-limit")
public record RateLimitProperties(
        @NotNull Duration commandTimeout,
        @NotNull @Valid Bucket anonymous,
        @NotNull @Valid Bucket user,
        @NotNull @Valid Bucket strict,
        @NotNull List<String> strictRoutes,
        @NotEmpty Map<String, @Valid Tier> tiers,
        @NotBlank String defaultTier,
        @NotNull @Valid AuthFailures authFailures,
        @NotNull @Valid Lease lease) {

    /** A token bucket: up to {@code capacity} requests at once, refilled at a steady rate. */
    public record Bucket(@Positive int capacity, @Positive double refillPerSecond) {}

    /**
     * At most {@code maxFailures} failed authentications (a token or key sent and refused) per client
     * address in each {@code window}; past that, the address's credentials are refused unread until
     * the window ends.
     */
    public record AuthFailures(
            @Positive int maxFailures, @NotNull Duration window) {}

    /**
     * A replica's lease of a bucket's tokens: at most {@code maxTokens} (and a tenth of the bucket),
     * dropped if not spent within {@code ttl}. {@code max-tokens: 1} turns leasing off.
     */
    public record Lease(@Positive int maxTokens, @NotNull Duration ttl) {}

    /** A machine tier: its bucket, and how many requests a day (0: no quota). */
    public record Tier(
            @Positive int capacity,
            @Positive double refillPerSecond,
            @Min(0) long dailyQuota) {}
}
