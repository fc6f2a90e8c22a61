package vn.hanoi.hcc.bff.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.requestid.RequestId;

/**
 * One log line per request: method, route pattern, status, latency and request id. The route is
 * the pattern ({@code /api/v1/points/{id}}), never the raw path or query string, which can hold a
 * device token, a location or a search; nothing from headers or bodies is logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.hanoi.hcc.bff.access");
    private static final String UNMATCHED = "(unmatched)";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        // written as the answer is committed: the status is final, and the line precedes the answer
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> write(exchange, started)));
        return chain.filter(exchange);
    }

    private static void write(ServerWebExchange exchange, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status == null ? 200 : status.value();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String method = exchange.getRequest().getMethod().name();
        PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? UNMATCHED : pattern.getPatternString();
        try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
            log.atInfo()
                    .addKeyValue("http.method", method)
                    .addKeyValue("http.route", route)
                    .addKeyValue("http.status", code)
                    .addKeyValue("duration.ms", millis)
                    .log("{} {} {} {}ms", method, route, code, millis);
        }
    }
}
