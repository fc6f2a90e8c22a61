package vn.hanoi.hcc.gateway.tracing;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tracing at the gateway ({@code hcc.gateway.tracing.*}).
 *
 * @param trustedCallers the addresses (or CIDR ranges) of the connections whose W3C trace context
 *     the gateway continues; every other request starts a trace of its own. Empty in production: the
 *     Ingress passes a client's {@code traceparent} through unchanged, so trusting the Ingress would
 *     be trusting anyone on the Internet (gateway/README.md, "Tracing").
 */
@Validated
@ConfigurationProperties("hcc.gateway.tracing")
public record TracingProperties(@NotNull List<String> trustedCallers) {}
