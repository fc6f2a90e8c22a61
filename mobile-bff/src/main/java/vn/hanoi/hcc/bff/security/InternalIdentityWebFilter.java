package vn.hanoi.hcc.bff.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.UnauthenticatedException;

/**
 * Every request to {@code /api/**} and {@code /internal/**} must carry a valid internal token from
 * the gateway; its caller is kept in the exchange for the controllers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InternalIdentityWebFilter implements WebFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final InternalTokenVerifier verifier;
    private final String header;

    InternalIdentityWebFilter(InternalTokenVerifier verifier, InternalTokenProperties properties) {
        this.verifier = verifier;
        this.header = properties.header();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") && !path.startsWith("/internal/")) {
            return chain.filter(exchange);
        }
        String token = exchange.getRequest().getHeaders().getFirst(header);
        if (token == null) {
            return Mono.error(new UnauthenticatedException("Call this API through the gateway"));
        }
        exchange.getAttributes().put(CALLER_ATTRIBUTE, verifier.verify(token));
        return chain.filter(exchange);
    }
}
