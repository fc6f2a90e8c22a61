package vn.hanoi.hcc.gateway.security;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.gateway.error.ProblemResponder;

/**
 * Spring Security's firewall refusing a request answers a problem with the request id, instead of
 * its bare 400: 405 with {@code Allow} for a method it does not let through (TRACE, PROPFIND, a
 * lowercase {@code get}...), 400 for a path or header it refuses ({@code ..}, {@code //},
 * {@code ;}, an encoded {@code /}, {@code \} or NUL...). The reason stays in a debug line only.
 */
final class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    /** The methods the firewall lets through (its own default, stated here so both agree). */
    static final Set<HttpMethod> ALLOWED_METHODS = Set.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS);

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

    private final ProblemResponder responder;

    ProblemExchangeRejectedHandler(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        HttpHeaders headers = new HttpHeaders();
        if (!ALLOWED_METHODS.contains(exchange.getRequest().getMethod())) {
            headers.setAllow(ALLOWED_METHODS);
            return responder.respond(
                    exchange, ProblemType.METHOD_NOT_ALLOWED, "This method is not served by the gateway", headers);
        }
        return responder.respond(
                exchange,
                ProblemType.INVALID_REQUEST,
                "The request path or a header holds "
                        + "a sequence the gateway refuses (such as '..', '//', ';', an encoded '/', a backslash or NUL)",
                headers);
    }
}
