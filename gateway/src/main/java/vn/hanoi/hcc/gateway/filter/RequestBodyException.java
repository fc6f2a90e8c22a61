package vn.hanoi.hcc.gateway.filter;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * The client's request body failed while it streamed to the BFF: too large
 * ({@link BodyTooLargeException}), or broken off (the client hung up or sent a broken framing). It
 * fails inside the route's call to the BFF, as bodies stream, but it is the client's doing: the
 * circuit breakers ignore it (config/gateway/application.yml), so that clients cannot open a
 * route's circuit for everyone.
 */
public class RequestBodyException extends ResponseStatusException {

    RequestBodyException(HttpStatusCode status, String reason, Throwable cause) {
        super(status, reason, cause);
    }
}
