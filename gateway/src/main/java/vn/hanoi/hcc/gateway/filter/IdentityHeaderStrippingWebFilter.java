package vn.hanoi.hcc.gateway.filter;

import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/**
 * Removes identity headers a client sent (configured names and prefixes), before any other filter
 * reads the request: the BFF must only ever see the identity the gateway established.
 */
@Component
@Order(FilterOrder.IDENTITY_HEADERS)
class IdentityHeaderStrippingWebFilter implements WebFilter {

    private final List<String> names;
    private final List<String> prefixes;

    IdentityHeaderStrippingWebFilter(GatewayProperties properties) {
        this.names = properties.strippedHeaders().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        this.prefixes = properties.strippedHeaderPrefixes().stream()
                .map(prefix -> prefix.toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(RequestHeaders.without(exchange, this::isIdentityHeader));
    }

    private boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return names.contains(lower) || prefixes.stream().anyMatch(lower::startsWith);
    }
}
