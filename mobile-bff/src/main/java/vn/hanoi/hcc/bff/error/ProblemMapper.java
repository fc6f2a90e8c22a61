package vn.hanoi.hcc.bff.error;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;

/**
 * The one place where an exception becomes an HTTP answer. Expected outcomes (a 4xx) are not
 * logged as errors; a 5xx is logged with its cause on the server and answered without it.
 */
@Component
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /** The problem this error is answered with, for an answer that reports several (a batch, say). */
    public Problem problemFor(Throwable error, ServerWebExchange exchange) {
        return toProblem(error, new HttpHeaders(), exchange);
    }

    ProblemAnswer map(Throwable error, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        return new ProblemAnswer(toProblem(error, headers, exchange), headers);
    }

    private Problem toProblem(Throwable error, HttpHeaders headers, ServerWebExchange exchange) {
        if (error instanceof ProblemException refusal) {
            if (refusal.retryAfter() != null) {
                headers.set(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, refusal.retryAfter().toSeconds())));
            }
            return problem(refusal.type(), refusal.getMessage(), exchange, refusal.errors());
        }
        if (error instanceof WebExchangeBindException binding) {
            return invalidBody(binding, exchange);
        }
        if (error instanceof ServerWebInputException input) {
            return invalidInput(input, exchange);
        }
        if (error instanceof MethodNotAllowedException methodNotAllowed) {
            headers.setAllow(methodNotAllowed.getSupportedMethods());
            return problem(
                    ProblemType.METHOD_NOT_ALLOWED,
                    "Method " + methodNotAllowed.getHttpMethod() + " is not supported here",
                    exchange,
                    List.of());
        }
        if (error instanceof ServerErrorException serverError && isBlankPathVariable(serverError)) {
            String name = serverError.getMethodParameter().getParameterName();
            return problem(
                    ProblemType.INVALID_REQUEST,
                    "Invalid '" + name + "': must not be blank",
                    exchange,
                    List.of(new Problem.InvalidParam(name, "must not be blank")));
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(status, headers, exchange);
        }
        if (error instanceof DataBufferLimitException) {
            return problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large", exchange, List.of());
        }
        if (BackingServiceFailures.isUnavailable(error)) {
            return dependencyDown(error, headers, exchange);
        }
        return unexpected(error, exchange);
    }

    private Problem invalidInput(ServerWebInputException input, ServerWebExchange exchange) {
        MethodParameter parameter = input.getMethodParameter();
        boolean body = parameter == null
                || parameter.hasParameterAnnotation(RequestBody.class)
                || parameter.getParameterName() == null;
        String field = body ? jsonField(input) : null;
        String name = body ? (field == null ? "body" : field) : parameter.getParameterName();
        String reason = field != null
                ? "has the wrong type or form"
                : Causes.any(input, UnsafeTextException.class::isInstance)
                        ? UnsafeTextException.REASON
                        : input.getReason() != null ? input.getReason() : "is not valid";
        List<Problem.InvalidParam> errors = List.of(new Problem.InvalidParam(name, reason));
        return problem(ProblemType.INVALID_REQUEST, "Invalid '" + name + "': " + reason, exchange, errors);
    }

    /** The JSON field a body failed to decode at ({@code events[3].status}), if Jackson says. */
    private static String jsonField(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private Problem invalidBody(WebExchangeBindException binding, ServerWebExchange exchange) {
        List<Problem.InvalidParam> errors = binding.getFieldErrors().stream()
                .map(field -> new Problem.InvalidParam(field.getField(), String.valueOf(field.getDefaultMessage())))
                .toList();
        InvalidRequestException described = new InvalidRequestException(errors);
        return problem(ProblemType.INVALID_REQUEST, described.getMessage(), exchange, errors);
    }

    /**
     * Any status the framework raises, each to a problem: the 4xx it has a type for as themselves,
     * any other 4xx as a 400, 503 as unavailable, any other 5xx as an internal error logged with
     * the framework's own exception.
     */
    private Problem fromStatus(ResponseStatusException error, HttpHeaders headers, ServerWebExchange exchange) {
        HttpStatusCode status = error.getStatusCode();
        return switch (status.value()) {
            case 400 -> problem(ProblemType.INVALID_REQUEST, "The request is malformed", exchange, List.of());
            case 401 -> problem(ProblemType.UNAUTHORIZED, "Authentication is required", exchange, List.of());
            case 403 -> problem(ProblemType.FORBIDDEN, "This is not allowed", exchange, List.of());
            case 404 ->
                problem(
                        ProblemType.NOT_FOUND,
                        "No resource at "
                                + Sanitizer.quoteable(
                                        exchange.getRequest().getPath().value()),
                        exchange,
                        List.of());
            case 406 ->
                problem(
                        ProblemType.NOT_ACCEPTABLE,
                        "This resource is not available in a type the Accept header allows",
                        exchange,
                        List.of());
            case 409 -> problem(ProblemType.CONFLICT, "The resource's state does not allow this", exchange, List.of());
            case 413 -> problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large", exchange, List.of());
            case 415 ->
                problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", exchange, List.of());
            case 429 -> {
                headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                yield problem(ProblemType.TOO_MANY_REQUESTS, "Too many requests; retry later", exchange, List.of());
            }
            case 503 -> dependencyDown(error, headers, exchange);
            default ->
                status.is4xxClientError()
                        ? problem(ProblemType.INVALID_REQUEST, "The request cannot be served", exchange, List.of())
                        : unexpected(error, exchange);
        };
    }

    /**
     * A path variable that converted to nothing ({@code /api-keys/%20} for a UUID): WebFlux reports
     * it as a server error, but the client sent it.
     */
    private static boolean isBlankPathVariable(ServerErrorException error) {
        MethodParameter parameter = error.getMethodParameter();
        return parameter != null && parameter.hasParameterAnnotation(PathVariable.class) && error.getCause() == null;
    }

    private Problem dependencyDown(Throwable error, HttpHeaders headers, ServerWebExchange exchange) {
        // expected while PostgreSQL restarts: one line per request, not a stack trace
        Throwable root = Causes.root(error);
        log.warn(
                "A backing service is unavailable on {} {}: {}{}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                error,
                root == error ? "" : " (cause: " + root + ")");
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problem(
                ProblemType.SERVICE_UNAVAILABLE,
                "A backing service is unavailable; retry shortly",
                exchange,
                List.of());
    }

    private Problem unexpected(Throwable error, ServerWebExchange exchange) {
        log.error(
                "Unexpected error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                error);
        return problem(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the request id to support",
                exchange,
                List.of());
    }

    private static Problem problem(
            ProblemType type, String detail, ServerWebExchange exchange, List<Problem.InvalidParam> errors) {
        return new Problem(
                type.uri(),
                type.title(),
                type.status().value(),
                detail,
                exchange.getRequest().getPath().value(),
                RequestId.of(exchange),
                errors);
    }
}
