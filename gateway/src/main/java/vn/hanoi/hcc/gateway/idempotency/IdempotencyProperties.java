package vn.hanoi.hcc.gateway.idempotency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.hanoi.hcc.gateway.config.Base64Secrets;

/**
 * Idempotency records ({@code hcc.gateway.idempotency.*}).
 *
 * @param ttl how long a first answer is replayed
 * @param inFlightTtl how long a request may hold its key before another attempt may run (a crashed
 *        gateway releases it then); longer than the response timeout
 * @param maxStoredBody answers larger than this are not kept (the key is released)
 * @param commandTimeout how long Redis may take
 * @param secret base64 of at least 32 random bytes (a Secret): with the client's own
 *        {@code Idempotency-Key}, which Redis never holds, it makes the key that seals each
 *        recorded answer
 * @param maxInFlightPerClient idempotent requests one client may have in flight on one gateway
 *        replica; more are refused with 429 before their body is read
 */
@Validated
@ConfigurationProperties("hcc.gateway.idempotency")
public record IdempotencyProperties(
        @NotNull Duration ttl,
        @NotNull Duration inFlightTtl,
        @NotNull DataSize maxStoredBody,
        @NotNull Duration commandTimeout,
        @NotBlank String secret,
        @Positive int maxInFlightPerClient) {

    private static final String SECRET = "hcc.gateway.idempotency.secret";
    private static final int SECRET_BYTES = 32;

    public IdempotencyProperties {
        Base64Secrets.decode(SECRET, secret, SECRET_BYTES);
    }

    byte[] secretBytes() {
        return Base64Secrets.decode(SECRET, secret, SECRET_BYTES);
    }

    @Override
    public String toString() {
        return "IdempotencyProperties[ttl=" + ttl + ", inFlightTtl=" + inFlightTtl + ", maxStoredBody="
                + maxStoredBody + ", commandTimeout=" + commandTimeout + ", maxInFlightPerClient="
                + maxInFlightPerClient + ", secret=(hidden)]";
    }
}
