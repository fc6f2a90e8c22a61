package vn.hanoi.hcc.contract.requestid;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First of every chain: accepts a well-formed {@code X-Request-Id} or makes one, keeps it in the
 * exchange and the Reactor context for the logs, and echoes it in the answer. The request goes on
 * carrying exactly that id, so that a proxy (the gateway) passes it on; and the answer's header is
 * set again just before it is committed, replacing whatever a proxied answer brought, so that it
 * appears once. A request that already carries one valid id (every request the BFF gets from the
 * gateway) goes on as it came.
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String supplied = headers.getFirst(RequestId.HEADER);
        String requestId = RequestId.isValid(supplied) ? supplied : RequestId.generate();
        boolean carriedAlone =
                requestId.equals(supplied) && headers.get(RequestId.HEADER).size() == 1;
        ServerWebExchange withId = carriedAlone
                ? exchange
                : exchange.mutate()
                        .request(request -> request.headers(forwarded -> forwarded.set(RequestId.HEADER, requestId)))
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

    /** Before every other filter, so that all of them, and their log lines, see the id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
