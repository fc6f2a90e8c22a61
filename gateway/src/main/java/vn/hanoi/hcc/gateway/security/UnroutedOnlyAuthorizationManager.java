package vn.hanoi.hcc.gateway.security;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rule for whatever the named rules leave over: a request no route would take is let through, to
 * be answered 404 by the gateway itself (and {@code /dev/tokens} in the local profile); a request some
 * route would take is refused. So a route added without its rule is closed, not open to anyone.
 */
final class UnroutedOnlyAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final RouteLocator routes;

    UnroutedOnlyAuthorizationManager(RouteLocator routes) {
        this.routes = routes;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return routes.getRoutes()
                .concatMap(route -> Flux.from(route.getPredicate().apply(context.getExchange())))
                .any(Boolean::booleanValue)
                .map(routable -> new AuthorizationDecision(!routable));
    }
}
