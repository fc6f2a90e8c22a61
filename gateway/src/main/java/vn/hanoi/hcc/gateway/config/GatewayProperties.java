package vn.hanoi.hcc.gateway.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code hcc.gateway.*}).
 *
 * @param bffUri where the BFF answers; every {@code /api/v1} route points there
 * @param strippedHeaders request headers removed before anything else reads them: identity is
 *        only ever what the gateway itself establishes
 * @param strippedHeaderPrefixes the same, for every header starting with one of these
 * @param retryAfter what a 503 advises the client to wait
 * @param trustedProxies how many proxies in front of the gateway append to X-Forwarded-For (the
 *        Ingress: 1); 0 trusts no such header and uses the connection's address
 */
@Validated
@ConfigurationProperties("hcc.gateway")
public record GatewayProperties(
        @NotNull URI bffUri,
        @NotEmpty List<String> strippedHeaders,
        List<String> strippedHeaderPrefixes,
        @NotNull Duration retryAfter,
        @Min(0) int trustedProxies) {

    public GatewayProperties {
        strippedHeaderPrefixes = strippedHeaderPrefixes == null ? List.of() : List.copyOf(strippedHeaderPrefixes);
    }
}
