package vn.hanoi.hcc.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.gateway.caller.ClientAddressResolver;
import vn.hanoi.hcc.gateway.error.ProblemResponder;
import vn.hanoi.hcc.gateway.ratelimit.AuthFailureThrottle;

/**
 * A 401 as problem+json with the {@code WWW-Authenticate} challenge the route expects: an API key
 * on {@code /api/v1/agent/**}, a bearer token elsewhere (with RFC 6750 error details when a token
 * was sent and refused). A key store that cannot answer is a 503, not the caller's fault. Credentials
 * sent and refused count against the client address's failed authentications (see
 * {@link AuthFailureWebFilter}).
 */
final class ProblemAuthenticationEntryPoint
        implements ServerAuthenticationEntryPoint, ServerAuthenticationFailureHandler {

    private static final String REALM = "realm=\"hcc\"";

    private final ProblemResponder responder;
    private final String retryAfterSeconds;
    private final AuthFailureThrottle throttle;
    private final ClientAddressResolver addresses;

    ProblemAuthenticationEntryPoint(
            ProblemResponder responder,
            String retryAfterSeconds,
            AuthFailureThrottle throttle,
            ClientAddressResolver addresses) {
        this.responder = responder;
        this.retryAfterSeconds = retryAfterSeconds;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof AuthenticationServiceException) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            return responder.respond(
                    exchange,
                    ProblemType.SERVICE_UNAVAILABLE,
                    "Credentials cannot be checked right now; retry shortly",
                    headers);
        }
        boolean machineRoute = exchange.getRequest().getPath().value().startsWith("/api/v1/agent/");
        boolean apiKeySent = exchange.getRequest().getHeaders().containsHeader(ApiKeyAuthenticationConverter.HEADER);
        if (machineRoute || apiKeySent) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey " + REALM + ", header=\"X-Api-Key\"");
        } else {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(failure));
        }
        Mono<Void> refusal =
                responder.respond(exchange, ProblemType.UNAUTHORIZED, detail(failure, machineRoute), headers);
        if (!AuthFailureWebFilter.presentsCredentials(exchange)) {
            return refusal;
        }
        return throttle.countFailure(exchange, addresses.resolve(exchange)).then(refusal);
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        return commence(exchange.getExchange(), failure);
    }

    private static String bearerChallenge(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError() instanceof BearerTokenError error) {
            return "Bearer " + REALM + ", error=\"" + error.getErrorCode() + "\", error_description=\""
                    + describe(error.getErrorCode()) + "\"";
        }
        return "Bearer " + REALM;
    }

    private static String detail(AuthenticationException failure, boolean machineRoute) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            return describe(oauth.getError().getErrorCode());
        }
        if (failure instanceof org.springframework.security.authentication.BadCredentialsException) {
            return failure.getMessage();
        }
        return machineRoute ? "This API needs an X-Api-Key" : "This API needs a bearer token";
    }

    /** Constant texts: a token's own content is never echoed. */
    private static String describe(String errorCode) {
        return switch (errorCode) {
            case "invalid_token" -> "The bearer token is invalid, expired, or not issued for this API";
            case "invalid_request" -> "The Authorization header is malformed";
            default -> "The bearer token was refused";
        };
    }
}
