package vn.hanoi.hcc.gateway.filter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts a well-formed {@code X-Request-Id} or makes one, passes it to the BFF, echoes it in the
 * answer (replacing whatever the BFF echoed, so it appears once) and puts it in the Reactor
 * context for the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String supplied = exchange.getRequest().getHeaders().getFirst(RequestId.HEADER);
        String requestId = RequestId.isValid(supplied) ? supplied : RequestId.generate();
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestId.HEADER, requestId)))
                .build();
        withId.getAttributes().put(RequestId.KEY, requestId);
        ServerHttpResponse response = withId.getResponse();
        response.getHeaders().set(RequestId.HEADER, requestId);
        response.beforeCommit(() -> {
            response.getHeaders().set(RequestId.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId).contextWrite(context -> context.put(RequestId.KEY, requestId));
    }
}
