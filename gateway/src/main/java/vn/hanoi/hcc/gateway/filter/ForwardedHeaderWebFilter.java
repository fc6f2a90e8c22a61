package vn.hanoi.hcc.gateway.filter;

import java.util.Locale;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.caller.ClientAddressResolver;

/**
 * Settles the client's address once, on arrival (the connection's, or behind the trusted proxies the
 * one they recorded in {@code X-Forwarded-For}), then removes every forwarding header: {@code Forwarded}
 * and {@code X-Forwarded-*}. Nothing after this, Spring Security, the routes or the BFF, can be told
 * another path, host, scheme or address by a client.
 *
 * <p>The path, host and scheme themselves are safe only because Reactor Netty reads no forwarding
 * header at all: Boot turns that reading on by itself when it detects Kubernetes, and Netty then takes
 * {@code X-Forwarded-Prefix} as the context path, which Spring Security leaves out of the path it
 * authorizes while the routes match the whole path. Hence the startup check that
 * {@code server.forward-headers-strategy} is {@code none}.
 */
@Component
@Order(FilterOrder.FORWARDED_HEADERS)
class ForwardedHeaderWebFilter implements WebFilter {

    private static final String FORWARDED_PREFIX = "x-forwarded-";

    private final ClientAddressResolver addresses;

    ForwardedHeaderWebFilter(ClientAddressResolver addresses, ServerProperties server) {
        if (server.getForwardHeadersStrategy() != ForwardHeadersStrategy.NONE) {
            throw new IllegalStateException("server.forward-headers-strategy must be none: the gateway reads no "
                    + "forwarding header but the trusted proxies' X-Forwarded-For (hcc.gateway.trusted-proxies)");
        }
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        addresses.settle(exchange);
        return chain.filter(RequestHeaders.without(exchange, ForwardedHeaderWebFilter::isForwarding));
    }

    private static boolean isForwarding(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("forwarded") || lower.startsWith(FORWARDED_PREFIX);
    }
}
