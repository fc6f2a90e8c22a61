package vn.hanoi.hcc.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's Redis ({@code hcc.gateway.redis.*}).
 *
 * @param url {@code redis://[:password@]host:port[/db]}, {@code rediss://} for TLS, or
 *        {@code redis-sentinel://host:port[,host:port]/db#master} behind Sentinel
 * @param connectTimeout how long opening a connection may take
 * @param reconnectInterval how long to wait after a failed attempt before trying again: the
 *        longest delay between attempts, for the first connection and after the connection drops
 */
@Validated
@ConfigurationProperties("hcc.gateway.redis")
public record RedisProperties(
        @NotBlank String url,
        @NotNull Duration connectTimeout,
        @NotNull Duration reconnectInterval) {

    @Override
    public String toString() {
        return "RedisProperties[connectTimeout=" + connectTimeout + ", url=(hidden: may hold a password)]";
    }
}
