package vn.hanoi.hcc.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.filter.FilterOrder;

/**
 * Hands the caller's identity to the BFF as a signed internal token on every routed request,
 * anonymous ones included (reused per identity for half its life, see {@link IdentityTokens}): the
 * BFF answers nothing without it, so nothing reaches the BFF except through this gateway.
 */
@Component
class InternalIdentityGlobalFilter implements GlobalFilter, Ordered {

    /** After the gateway's own checks, before the route's circuit breaker and the proxying. */
    private final IdentityTokens tokens;

    InternalIdentityGlobalFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String token = tokens.tokenFor(Caller.of(exchange));
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    // the caller's own credentials stop here: the BFF gets the gateway's word instead
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(ApiKeyAuthenticationConverter.HEADER);
                    headers.set(tokens.header(), token);
                }))
                .build());
    }

    @Override
    public int getOrder() {
        return FilterOrder.INTERNAL_IDENTITY;
    }
}
