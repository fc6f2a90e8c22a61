package vn.hanoi.hcc.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.error.ProblemResponder;
import vn.hanoi.hcc.gateway.filter.FilterOrder;

/**
 * Charges each routed request to its bucket. Every metered answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds); a refused one is a 429 problem
 * with {@code Retry-After} as well.
 */
@Component
class RateLimitGlobalFilter implements GlobalFilter, Ordered {

    private final RateLimitPolicies policies;
    private final TokenBucketLimiter limiter;
    private final ProblemResponder responder;

    RateLimitGlobalFilter(RateLimitPolicies policies, TokenBucketLimiter limiter, ProblemResponder responder) {
        this.policies = policies;
        this.limiter = limiter;
        this.responder = responder;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return limiter.check(policies.forRequest(exchange), RequestId.of(exchange))
                .flatMap(decision -> {
                    decision.writeTo(exchange.getResponse().getHeaders());
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    HttpHeaders retry = new HttpHeaders();
                    retry.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                    return responder.respond(
                            exchange,
                            ProblemType.TOO_MANY_REQUESTS,
                            "Too many requests; retry after " + decision.retryAfterSeconds() + " s",
                            retry);
                });
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }
}
