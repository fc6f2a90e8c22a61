package vn.hanoi.hcc.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.caller.Caller;

/**
 * Hands the caller's identity to the BFF as a signed internal token on every routed request,
 * anonymous ones included (reused per caller for half its life, see {@link InternalTokenSigner}): the BFF answers nothing without it, so nothing reaches the BFF
 * except through this gateway.
 */
@Component
class InternalIdentityGlobalFilter implements GlobalFilter, Ordered {

    /** After the gateway's own checks, before the route's circuit breaker and the proxying. */
    static final int ORDER = -1;

    private final InternalTokenSigner signer;

    InternalIdentityGlobalFilter(InternalTokenSigner signer) {
        this.signer = signer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String token = signer.tokenFor(Caller.of(exchange));
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    // the caller's own credentials stop here: the BFF gets the gateway's word instead
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(ApiKeyAuthenticationConverter.HEADER);
                    headers.set(signer.header(), token);
                }))
                .build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
