package vn.hanoi.hcc.gateway.error;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.config.GatewayProperties;

/**
 * Every error of the gateway becomes problem+json; this is also the circuit breakers' fallback.
 * The BFF unreachable or its circuit open is a 503 with {@code Retry-After}; the BFF breaking the
 * connection is a 502; the BFF too slow (response timeout or time limiter) is a 504. Ordered ahead
 * of Spring Boot's handler.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    private final ProblemResponder responder;
    private final String retryAfterSeconds;

    ProblemJsonErrorHandler(ProblemResponder responder, GatewayProperties properties) {
        this.responder = responder;
        this.retryAfterSeconds = Long.toString(properties.retryAfter().toSeconds());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        GatewayProblem problem;
        // the error may surface on a timer thread, outside the request's logging context
        try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
            problem = toProblem(error, headers, exchange);
        }
        return responder.respond(exchange, problem, headers);
    }

    private GatewayProblem toProblem(Throwable error, HttpHeaders headers, ServerWebExchange exchange) {
        if (error instanceof MethodNotAllowedException notAllowed) {
            headers.setAllow(notAllowed.getSupportedMethods());
            return responder.problem(
                    ProblemType.METHOD_NOT_ALLOWED,
                    "Method " + notAllowed.getHttpMethod() + " is not served here",
                    exchange);
        }
        if (error instanceof ServiceUnavailableException
                || error instanceof CallNotPermittedException
                || error instanceof BulkheadFullException
                || isUnreachable(error)) {
            log.warn("BFF unavailable: {}", error.toString());
            return unavailable(headers, exchange);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(status, headers, exchange);
        }
        if (error instanceof DataBufferLimitException) {
            return responder.problem(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large", exchange);
        }
        if (error instanceof TimeoutException) {
            return timeout(exchange);
        }
        if (error instanceof PrematureCloseException || error instanceof IOException) {
            log.warn("BFF broke the connection: {}", error.toString());
            return responder.problem(ProblemType.BAD_GATEWAY, "The service gave no valid answer", exchange);
        }
        log.error("Unexpected gateway error", error);
        return responder.problem(
                ProblemType.INTERNAL_ERROR, "An unexpected error occurred; quote the request id to support", exchange);
    }

    private GatewayProblem fromStatus(ResponseStatusException status, HttpHeaders headers, ServerWebExchange exchange) {
        int code = status.getStatusCode().value();
        return switch (code) {
            case 400 ->
                responder.problem(
                        ProblemType.INVALID_REQUEST,
                        status.getReason() == null ? "The request is malformed" : status.getReason(),
                        exchange);
            case 404 -> responder.problem(ProblemType.NOT_FOUND, "No resource at this path", exchange);
            case 413 ->
                responder.problem(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        status.getReason() == null ? "The request body is too large" : status.getReason(),
                        exchange);
            case 431 ->
                responder.problem(
                        ProblemType.HEADERS_TOO_LARGE,
                        status.getReason() == null ? "The request headers are too large" : status.getReason(),
                        exchange);
            case 503 -> unavailable(headers, exchange);
            case 504 -> timeout(exchange);
            default ->
                code >= 500
                        ? responder.problem(ProblemType.BAD_GATEWAY, "The service gave no valid answer", exchange)
                        : responder.problem(ProblemType.INVALID_REQUEST, "The request cannot be served", exchange);
        };
    }

    private GatewayProblem unavailable(HttpHeaders headers, ServerWebExchange exchange) {
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return responder.problem(
                ProblemType.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry shortly", exchange);
    }

    private GatewayProblem timeout(ServerWebExchange exchange) {
        log.warn("BFF did not answer in time");
        return responder.problem(ProblemType.GATEWAY_TIMEOUT, "The service did not answer in time", exchange);
    }

    private static boolean isUnreachable(Throwable error) {
        return error instanceof ConnectException
                || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException;
    }
}
