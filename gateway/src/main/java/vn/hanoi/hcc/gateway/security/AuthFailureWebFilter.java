package vn.hanoi.hcc.gateway.security;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.caller.ClientAddressResolver;
import vn.hanoi.hcc.gateway.filter.FilterOrder;
import vn.hanoi.hcc.gateway.ratelimit.AuthFailureThrottle;

/**
 * Right before Spring Security: credentials from an address that has failed to authenticate too
 * often are refused (429) unread, before any key lookup or token decoding. Requests without
 * credentials go on: the public routes stay open to an address's other users.
 */
@Component
@Order(FilterOrder.AUTH_FAILURES)
class AuthFailureWebFilter implements WebFilter {

    private final AuthFailureThrottle throttle;
    private final ClientAddressResolver addresses;

    AuthFailureWebFilter(AuthFailureThrottle throttle, ClientAddressResolver addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    /** Whether the request presents credentials: a bearer token (or any Authorization) or an API key. */
    static boolean presentsCredentials(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return headers.containsHeader(HttpHeaders.AUTHORIZATION)
                || headers.containsHeader(ApiKeyAuthenticationConverter.HEADER);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (presentsCredentials(exchange)) {
            String address = addresses.resolve(exchange);
            if (throttle.refuses(address)) {
                return throttle.refuse(exchange, address);
            }
        }
        return chain.filter(exchange);
    }
}
