package vn.hanoi.hcc.gateway.filter;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body over its route's limit: a 413. Its own type so that the circuit breakers ignore
 * it (config/gateway/application.yml): a body cut off while it streams fails inside the route's
 * call to the BFF, and a client sending too much must not open the route's circuit for everyone.
 */
public class BodyTooLargeException extends ResponseStatusException {

    BodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + limit + " bytes");
    }
}
