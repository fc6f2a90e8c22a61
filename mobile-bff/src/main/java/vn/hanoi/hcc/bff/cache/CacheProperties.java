package vn.hanoi.hcc.bff.cache;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Redis for caches and counters ({@code hcc.bff.cache.*}).
 *
 * @param enabled false serves every read from PostgreSQL (for comparison benchmarks)
 * @param redisUrl {@code redis://}, {@code rediss://} or {@code redis-sentinel://}
 * @param commandTimeout how long a cache read may take before PostgreSQL answers instead
 * @param ttl how long a cached entry lives (a bound on staleness if an invalidation is lost)
 * @param negativeTtl how long "no such dossier" is remembered
 */
@Validated
@ConfigurationProperties("hcc.bff.cache")
public record CacheProperties(
        boolean enabled,
        @NotBlank String redisUrl,
        @NotNull Duration connectTimeout,
        @NotNull Duration reconnectInterval,
        @NotNull Duration commandTimeout,
        @NotNull Duration ttl,
        @NotNull Duration negativeTtl) {

    @Override
    public String toString() {
        return "CacheProperties[enabled=" + enabled + ", ttl=" + ttl + ", redisUrl=(hidden)]";
    }
}
