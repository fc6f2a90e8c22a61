package vn.hanoi.hcc.bff.observability;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the gateway's {@code X-Request-Id} (or makes one), echoes it, and puts it in the Reactor
 * context so that log lines written while serving the request carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String supplied = exchange.getRequest().getHeaders().getFirst(RequestId.HEADER);
        String requestId = RequestId.isValid(supplied) ? supplied : RequestId.generate();
        exchange.getAttributes().put(RequestId.KEY, requestId);
        exchange.getResponse().getHeaders().set(RequestId.HEADER, requestId);
        return chain.filter(exchange).contextWrite(context -> context.put(RequestId.KEY, requestId));
    }
}
