package vn.hanoi.hcc.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.gateway.error.ProblemResponder;

/** A 403 as problem+json: the caller is known but lacks the role or scope. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponder responder;

    ProblemAccessDeniedHandler(ProblemResponder responder) {
        this.responder = responder;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String detail = exchange.getRequest().getPath().value().startsWith("/api/v1/ops/")
                ? "This API is for Center staff (role ops)"
                : "Your credentials do not allow this operation";
        return responder.respond(exchange, ProblemType.FORBIDDEN, detail, new HttpHeaders());
    }
}
