package vn.hanoi.hcc.bff.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.UnauthenticatedException;

/** Gives a controller method its {@link Caller}. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(InternalIdentityWebFilter.CALLER_ATTRIBUTE);
        return caller == null ? Mono.error(new UnauthenticatedException("No caller identity")) : Mono.just(caller);
    }
}
