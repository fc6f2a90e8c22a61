package vn.hanoi.hcc.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace context the BFF gets: the gateway's own span of the request, as W3C {@code traceparent},
 * never the client's trace headers (removed whatever the client sent: {@code traceparent},
 * {@code tracestate}, {@code baggage}, B3). Without a client span of its own (Spring Cloud Gateway's
 * observability stays off for its cost), the BFF's span is the child of the gateway's server span.
 */
final class TraceHeadersFilter implements HttpHeadersFilter, Ordered {

    private static final List<String> CLIENT_TRACE_HEADERS =
            List.of("traceparent", "tracestate", "baggage", "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-sampled");

    private final Propagator propagator;

    TraceHeadersFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        for (String name : CLIENT_TRACE_HEADERS) {
            input.remove(name);
        }
        Span span = RequestSpan.of(exchange);
        if (span != null) {
            propagator.inject(span.context(), input, HttpHeaders::set);
        }
        return input;
    }

    /** Last, after Spring Cloud Gateway's own filters made the request's headers a copy it may change. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
