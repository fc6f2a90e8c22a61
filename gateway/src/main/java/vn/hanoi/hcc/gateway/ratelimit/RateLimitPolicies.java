package vn.hanoi.hcc.gateway.ratelimit;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.caller.Caller;

/** Which bucket a request is charged to, from its route and its caller. */
@Component
class RateLimitPolicies {

    private static final Logger log = LoggerFactory.getLogger(RateLimitPolicies.class);

    private final RateLimitProperties properties;

    RateLimitPolicies(RateLimitProperties properties) {
        this.properties = properties;
    }

    RateLimitPolicy forRequest(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        Caller caller = Caller.of(exchange);
        if (route != null && properties.strictRoutes().contains(route.getId())) {
            return bucket("strict", caller.clientAddress(), properties.strict());
        }
        return switch (caller.kind()) {
            case USER -> bucket("user", caller.subject(), properties.user());
            case AGENT, SYSTEM -> tier(caller, exchange);
            default -> bucket("anonymous", caller.clientAddress(), properties.anonymous());
        };
    }

    private RateLimitPolicy tier(Caller caller, ServerWebExchange exchange) {
        String name = caller.rateTier();
        RateLimitProperties.Tier tier = name == null ? null : properties.tiers().get(name);
        if (tier == null) {
            try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
                log.warn(
                        "Client {} has unknown rate tier '{}'; applying '{}'",
                        caller.subject(),
                        name,
                        properties.defaultTier());
            }
            name = properties.defaultTier();
            tier = properties.tiers().get(name);
        }
        return new RateLimitPolicy(
                "tier:" + name, caller.subject(), tier.capacity(), tier.refillPerSecond(), tier.dailyQuota());
    }

    private static RateLimitPolicy bucket(String name, String subject, RateLimitProperties.Bucket bucket) {
        return new RateLimitPolicy(name, subject, bucket.capacity(), bucket.refillPerSecond(), 0);
    }
}
