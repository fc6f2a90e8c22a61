package vn.hanoi.hcc.bff.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.UnauthenticatedException;
import vn.hanoi.hcc.contract.identity.IdentityTokenVerifier;
import vn.hanoi.hcc.contract.identity.InvalidIdentityTokenException;

/**
 * Every request must carry a valid internal token from the gateway, whatever its path, except the
 * few {@link PublicPaths} (the OpenAPI document) and the actuator on its own port
 * ({@link ManagementServerPort}); its caller is kept in the exchange for the controllers. Deny by
 * default: the check once looked for {@code /api/} in the raw path, and
 * {@code /%61pi/v1/...}, which the handler mappings decode to {@code /api/v1/...}, went through
 * without any identity.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InternalIdentityWebFilter implements WebFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final IdentityTokenVerifier verifier;
    private final String header;
    private final ManagementServerPort management;

    InternalIdentityWebFilter(
            IdentityTokenVerifier verifier, InternalTokenProperties properties, ManagementServerPort management) {
        this.verifier = verifier;
        this.header = properties.header();
        this.management = management;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (management.received(request)
                || PublicPaths.isPublic(request.getPath().value())) {
            return chain.filter(exchange);
        }
        String token = request.getHeaders().getFirst(header);
        if (token == null) {
            return Mono.error(new UnauthenticatedException("Call this API through the gateway"));
        }
        try {
            exchange.getAttributes().put(CALLER_ATTRIBUTE, new Caller(verifier.verify(token)));
        } catch (InvalidIdentityTokenException invalid) {
            return Mono.error(new UnauthenticatedException(invalid.getMessage()));
        }
        return chain.filter(exchange);
    }
}
