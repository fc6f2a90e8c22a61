package vn.hanoi.hcc.gateway.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency records ({@code hcc.gateway.idempotency.*}).
 *
 * @param ttl how long a first answer is replayed
 * @param inFlightTtl how long a request may hold its key before another attempt may run (a crashed
 *        gateway releases it then); longer than the response timeout
 * @param maxStoredBody answers larger than this are not kept (the key is released)
 * @param commandTimeout how long Redis may take
 */
@Validated
@ConfigurationProperties("hcc.gateway.idempotency")
public record IdempotencyProperties(@NotNull Duration ttl, @NotNull Duration inFlightTtl,
        @NotNull DataSize maxStoredBody, @NotNull Duration commandTimeout) {
}
