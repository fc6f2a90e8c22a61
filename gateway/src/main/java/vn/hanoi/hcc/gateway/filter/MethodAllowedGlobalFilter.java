package vn.hanoi.hcc.gateway.filter;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Each route serves only the methods listed in its metadata {@code methods} (comma-separated):
 * anything else is a 405 with {@code Allow}, answered here without reaching the BFF.
 */
@Component
class MethodAllowedGlobalFilter implements GlobalFilter, Ordered {

    static final String METADATA = "methods";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Object declared = route == null ? null : route.getMetadata().get(METADATA);
        if (declared == null) {
            return chain.filter(exchange);
        }
        Set<HttpMethod> allowed = Arrays.stream(declared.toString().split(","))
                .map(String::strip)
                .map(HttpMethod::valueOf)
                .collect(Collectors.toSet());
        HttpMethod method = exchange.getRequest().getMethod();
        if (!allowed.contains(method)) {
            return Mono.error(new MethodNotAllowedException(method, allowed));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return FilterOrder.METHOD_ALLOWED;
    }
}
