package vn.hanoi.hcc.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which browser origins may call the API ({@code hcc.gateway.cors.*}): the mobile web app's.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://dichvucong.hanoi.gov.vn}; none means no
 *        cross-origin browser access
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("hcc.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
