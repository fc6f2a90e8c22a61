package vn.hanoi.hcc.gateway.filter;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.contract.tracing.TraceLog;
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.tracing.RequestSpan;

/**
 * One log line and one timing per request: method, route id, status, latency, request id, trace
 * and span id (the gateway's span of the request, sampled or not), the caller's kind and, for machine clients only, their client id. Never a query string, a header, a
 * token, an API key or a person's identity. The timer {@code hcc.gateway.requests} is tagged by
 * route, caller kind and status.
 */
@Component
@Order(FilterOrder.ACCESS_LOG)
class AccessLogWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.hanoi.hcc.gateway.access");
    private static final String UNROUTED = "(unrouted)";

    private final MeterRegistry meters;
    /** The timers by route, caller kind and status, held: a registry lookup per answer cost more than the timing. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    AccessLogWebFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        // the status is final when the answer is committed, also when an error handler writes it
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> write(exchange, started)));
        return chain.filter(exchange);
    }

    private void write(ServerWebExchange exchange, long started) {
        long nanos = System.nanoTime() - started;
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        String method = exchange.getRequest().getMethod().name();
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? UNROUTED : route.getId();
        Caller caller = Caller.of(exchange);
        timers.computeIfAbsent(
                        routeId + ' ' + caller.kind().label() + ' ' + code,
                        key -> Timer.builder("hcc.gateway.requests")
                                .tag("route", routeId)
                                .tag("client.kind", caller.kind().label())
                                .tag("status", Integer.toString(code))
                                .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
        Span span = RequestSpan.of(exchange);
        if (span != null) {
            TraceContext trace = span.context();
            MDC.put(TraceLog.TRACE_ID, trace.traceId());
            MDC.put(TraceLog.SPAN_ID, trace.spanId());
        }
        try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
            LoggingEventBuilder line = log.atInfo()
                    .addKeyValue("http.method", method)
                    .addKeyValue("route.id", routeId)
                    .addKeyValue("http.status", code)
                    .addKeyValue("duration.ms", nanos / 1_000_000)
                    .addKeyValue("client.kind", caller.kind().label());
            if (caller.loggableClientId() != null) {
                line = line.addKeyValue("client.id", caller.loggableClientId());
            }
            line.log("{} {} {} {}ms", method, routeId, code, nanos / 1_000_000);
        } finally {
            if (span != null) {
                MDC.remove(TraceLog.TRACE_ID);
                MDC.remove(TraceLog.SPAN_ID);
            }
        }
    }
}
