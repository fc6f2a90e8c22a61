package vn.hanoi.hcc.gateway.filter;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.server.ServerWebExchange;

/** Removal of request headers a client sent that nothing after the gateway's first filters may read. */
final class RequestHeaders {

    private RequestHeaders() {}

    /** The exchange without the request headers whose names match; the same exchange when none does. */
    static ServerWebExchange without(ServerWebExchange exchange, Predicate<String> unwanted) {
        List<String> names = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(unwanted)
                .toList();
        if (names.isEmpty()) {
            return exchange;
        }
        return exchange.mutate()
                .request(request -> request.headers(headers -> names.forEach(headers::remove)))
                .build();
    }
}
