package vn.hanoi.hcc.gateway.filter;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Request size limits ({@code hcc.gateway.limits.*}). A route may raise the body limit with the
 * metadata {@code max-request-body}.
 *
 * @param maxRequestHeaders all request headers together (names, values, separators): over it, 431
 * @param maxRequestBody a request body: over it, 413
 */
@Validated
@ConfigurationProperties("hcc.gateway.limits")
public record LimitsProperties(
        @NotNull DataSize maxRequestHeaders, @NotNull DataSize maxRequestBody) {}
