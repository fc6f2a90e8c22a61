package vn.hanoi.hcc.contract.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The kinds of problem either service answers, each with a stable type URI, a constant title and
 * its status. A type both services answer is the same type from either.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Access denied", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Resource not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict with the current state", HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_IN_FLIGHT(
            "idempotency-key-in-flight", "Request with this Idempotency-Key in flight", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
    URI_TOO_LONG("uri-too-long", "URI too long", HttpStatus.URI_TOO_LONG),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDENTIFIER_REUSED(
            "identifier-reused", "Identifier reused for a different request", HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused", "Idempotency-Key reused for another request", HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    TOO_MANY_IN_FLIGHT("too-many-in-flight", "Too many idempotent requests in flight", HttpStatus.TOO_MANY_REQUESTS),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    BAD_GATEWAY("bad-gateway", "Bad gateway", HttpStatus.BAD_GATEWAY),
    SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT("gateway-timeout", "Gateway timeout", HttpStatus.GATEWAY_TIMEOUT);

    /** Every type URI starts with this; the root README lists them. */
    public static final String BASE_URI = "https://hcc.hanoi.gov.vn/problems/";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(BASE_URI + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
