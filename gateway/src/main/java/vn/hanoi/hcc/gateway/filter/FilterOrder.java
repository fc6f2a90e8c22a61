package vn.hanoi.hcc.gateway.filter;

import org.springframework.core.Ordered;

/**
 * Where every filter of ours stands, in one place (the README's "What a request goes through, in order"
 * is this list; {@code FilterChainOrderTest} checks the running chain against it).
 *
 * <p>Web filters run for every request, before routing, in this order: the request id, the forwarding
 * headers, the identity headers a client may not send, the access log (so that it sees every refusal
 * after it), the header size, the failed-authentication throttle, Spring Security, the caller. Global
 * filters run after a route matched, in this order, all before Spring Cloud Gateway's own routing
 * filters (from 10000): the route's methods, the body size, the rate limit, idempotency, and last the
 * identity token the BFF gets.
 */
public final class FilterOrder {

    /** The contract's {@code RequestIdWebFilter}: first of all, so that every answer has an id. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;

    public static final int FORWARDED_HEADERS = REQUEST_ID + 1;
    public static final int IDENTITY_HEADERS = REQUEST_ID + 2;
    public static final int ACCESS_LOG = REQUEST_ID + 3;
    public static final int HEADER_SIZE = REQUEST_ID + 4;
    /** Spring Security's filter chain (its {@code WebFluxSecurityConfiguration}'s fixed order). */
    public static final int SECURITY = -100;

    public static final int AUTH_FAILURES = SECURITY - 1;
    public static final int CALLER = SECURITY + 1;

    public static final int METHOD_ALLOWED = -40;
    public static final int REQUEST_SIZE = METHOD_ALLOWED + 1;
    public static final int RATE_LIMIT = -30;
    public static final int IDEMPOTENCY = -20;
    public static final int INTERNAL_IDENTITY = -1;

    private FilterOrder() {}
}
