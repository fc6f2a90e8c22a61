package vn.hanoi.hcc.gateway.security;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.caller.ClientAddressResolver;
import vn.hanoi.hcc.gateway.filter.FilterOrder;

/**
 * Right after Spring Security: turns the authentication into the {@link Caller} every later filter
 * (rate limits, idempotency, the internal token, the access log) reads from the exchange.
 */
@Component
@Order(FilterOrder.CALLER)
class CallerWebFilter implements WebFilter {

    private final IdentityProperties identity;
    private final ClientAddressResolver addresses;

    CallerWebFilter(IdentityProperties identity, ClientAddressResolver addresses) {
        this.identity = identity;
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = addresses.resolve(exchange);
        if (!AuthFailureWebFilter.presentsCredentials(exchange)) {
            // nothing to authenticate with: anonymous, without reading the security context
            exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.anonymous(address));
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(authentication -> toCaller(authentication, address))
                .defaultIfEmpty(Caller.anonymous(address))
                .flatMap(caller -> {
                    exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
                    return chain.filter(exchange);
                });
    }

    private Caller toCaller(Authentication authentication, String address) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            Jwt jwt = token.getToken();
            List<String> roles = jwt.getClaimAsStringList(identity.rolesClaim());
            return Caller.user(jwt.getSubject(), roles == null ? List.of() : roles, address);
        }
        if (authentication instanceof ApiKeyAuthentication key && key.isAuthenticated()) {
            ApiClient client = key.client();
            return Caller.machine(
                    client.callerKind(),
                    client.clientId(),
                    client.scopes(),
                    client.agencies(),
                    client.rateTier(),
                    address);
        }
        return Caller.anonymous(address);
    }
}
