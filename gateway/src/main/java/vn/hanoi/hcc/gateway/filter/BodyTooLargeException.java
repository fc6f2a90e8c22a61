package vn.hanoi.hcc.gateway.filter;

import org.springframework.http.HttpStatus;

/** A request body over its route's limit: a 413. */
public class BodyTooLargeException extends RequestBodyException {

    BodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + limit + " bytes", null);
    }
}
