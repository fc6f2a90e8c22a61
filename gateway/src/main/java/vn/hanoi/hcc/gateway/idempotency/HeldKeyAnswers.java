package vn.hanoi.hcc.gateway.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.error.ProblemResponder;

/**
 * The answer to a request whose key another request took first. What can be decided from the
 * request line is decided before any byte of the body is read: another target is a 422, a first
 * request still in flight a 409. Only a retry of an answered request has its body read, through
 * the digest and dropped buffer by buffer, to tell a replay from a 422.
 */
@Component
class HeldKeyAnswers {

    private static final Logger log = LoggerFactory.getLogger(HeldKeyAnswers.class);

    private final AnswerSeal seal;
    private final ProblemResponder responder;

    HeldKeyAnswers(AnswerSeal seal, ProblemResponder responder) {
        this.seal = seal;
        this.responder = responder;
    }

    Mono<Void> answer(ServerWebExchange exchange, IdempotentAttempt attempt, IdempotencyRecord held) {
        if (held.target() != null && !held.target().equals(attempt.target())) {
            return reused(exchange);
        }
        if (held.isInFlight()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return responder.respond(
                    exchange,
                    ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "The first request with this Idempotency-Key is still being processed",
                    headers);
        }
        return BodyFingerprint.ofWholeBody(exchange.getRequest())
                .flatMap(fingerprint ->
                        fingerprint.equals(held.fingerprint()) ? replay(exchange, attempt, held) : reused(exchange));
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotentAttempt attempt, IdempotencyRecord held) {
        RecordedAnswer answer;
        try {
            answer = held.isUnsealed()
                    ? held.unsealedAnswer()
                    : seal.open(attempt.clientId(), attempt.key(), held.fingerprint(), held.sealed());
        } catch (AnswerSeal.UnreadableAnswerException unreadable) {
            try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
                log.error(
                        "A recorded answer of client {} does not open (secret changed, or record altered)",
                        attempt.clientId());
            }
            return responder.respond(
                    exchange,
                    ProblemType.INTERNAL_ERROR,
                    "The first answer to this Idempotency-Key cannot be replayed; quote the request id to support",
                    new HttpHeaders());
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().forEach(response.getHeaders()::set);
        response.getHeaders().set(IdempotencyGlobalFilter.REPLAYED, "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    private Mono<Void> reused(ServerWebExchange exchange) {
        return responder.respond(
                exchange,
                ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used for a different request",
                new HttpHeaders());
    }
}
