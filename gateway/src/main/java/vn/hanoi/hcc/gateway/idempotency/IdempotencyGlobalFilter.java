package vn.hanoi.hcc.gateway.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.contract.problem.ProblemType;
import vn.hanoi.hcc.contract.requestid.RequestId;
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.config.GatewayProperties;
import vn.hanoi.hcc.gateway.error.ProblemResponder;
import vn.hanoi.hcc.gateway.filter.FilterOrder;

/**
 * Honours {@code Idempotency-Key} on machine clients' POSTs without ever holding a request body
 * whole (a body may be as large as its route allows, 5 MB for a batch):
 * <ol>
 * <li>A client that has {@code max-in-flight-per-client} idempotent requests in flight on this
 * replica is refused at once: 429 with {@code Retry-After}, no Redis command, no byte read.
 * <li>The key is claimed (Redis {@code SET NX}) with the request's target, SHA-256 of method, path
 * and query: all that is known before the body.
 * <li>Key taken: the body streams to the BFF, each buffer hashed on its way
 * ({@link BodyFingerprint}). Once the answer is in and the body has passed to its end, the record
 * gets the whole fingerprint and the answer, sealed ({@link AnswerSeal}). An answer that came
 * before the body ended (the BFF refused it early) cannot be matched to a retry: the key is released.
 * <li>Key held: see {@link HeldKeyAnswers} (409 in flight and 422 another target without reading
 * the body; the body hashed in passing to tell a replay from a 422).
 * </ol>
 * A 5xx or 429 answer, or a failure, releases the key. Without Redis such a POST is a 503.
 */
@Component
class IdempotencyGlobalFilter implements GlobalFilter, Ordered {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** How long an answer waits for the end of the body it answers; the end is normally there first. */
    private static final Duration BODY_END_GRACE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyGlobalFilter.class);
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final AnswerSeal seal;
    private final InFlightPermits permits;
    private final HeldKeyAnswers held;
    private final ProblemResponder responder;
    private final long maxStoredBytes;
    private final String retryAfterSeconds;

    IdempotencyGlobalFilter(
            IdempotencyStore store,
            AnswerSeal seal,
            InFlightPermits permits,
            HeldKeyAnswers held,
            ProblemResponder responder,
            IdempotencyProperties properties,
            GatewayProperties gateway) {
        this.store = store;
        this.seal = seal;
        this.permits = permits;
        this.held = held;
        this.responder = responder;
        this.maxStoredBytes = properties.maxStoredBody().toBytes();
        this.retryAfterSeconds = Long.toString(gateway.retryAfter().toSeconds());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        Caller caller = Caller.of(exchange);
        if (key == null
                || exchange.getRequest().getMethod() != HttpMethod.POST
                || !caller.kind().isMachine()) {
            return chain.filter(exchange);
        }
        if (!WELL_FORMED.matcher(key).matches()) {
            return Mono.error(new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 255 visible ASCII characters"));
        }
        Optional<InFlightPermits.Permit> permit = permits.tryAcquire(caller.subject());
        if (permit.isEmpty()) {
            return tooManyInFlight(exchange);
        }
        String target = BodyFingerprint.target(exchange.getRequest());
        return store.claim(caller.subject(), key, target)
                .onErrorMap(failure -> !(failure instanceof ResponseStatusException), StoreUnavailable::new)
                .flatMap(claim -> {
                    IdempotentAttempt attempt = new IdempotentAttempt(caller.subject(), key, target, claim.redisKey());
                    return claim.held() == null
                            ? forward(exchange, chain, attempt)
                            : held.answer(exchange, attempt, claim.held());
                })
                .onErrorResume(StoreUnavailable.class, unavailable -> storeUnavailable(exchange, unavailable))
                .doFinally(signal -> permit.get().release());
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, IdempotentAttempt attempt) {
        Mono<Void> release = store.release(attempt.redisKey()).onErrorResume(failure -> Mono.empty());
        BodyFingerprint fingerprint = BodyFingerprint.of(exchange.getRequest());
        ServerHttpRequestDecorator hashed = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return fingerprint.hashing(super.getBody());
            }
        };
        ServerHttpResponse recording = new RecordingResponse(
                exchange.getResponse(),
                maxStoredBytes,
                answer -> keep(exchange, attempt, fingerprint, answer, release),
                release);
        return Mono.usingWhen(
                Mono.just(fingerprint),
                body -> chain.filter(
                        exchange.mutate().request(hashed).response(recording).build()),
                body -> Mono.empty(),
                (body, failure) -> release,
                // a client that hangs up before its body ended: the BFF cannot have run the request; after
                // that the key stays held until in-flight-ttl, as the BFF may still be at work
                body -> body.ended() ? Mono.empty() : release);
    }

    /** Stores the answer under the whole fingerprint, or releases the key if the body never ended. */
    private Mono<Void> keep(
            ServerWebExchange exchange,
            IdempotentAttempt attempt,
            BodyFingerprint fingerprint,
            RecordedAnswer answer,
            Mono<Void> release) {
        return fingerprint
                .whole()
                .timeout(BODY_END_GRACE, Mono.empty())
                .map(whole -> store.complete(
                        attempt.redisKey(),
                        IdempotencyRecord.answered(
                                attempt.target(), whole, seal.seal(attempt.clientId(), attempt.key(), whole, answer))))
                .defaultIfEmpty(release)
                .flatMap(action -> action)
                .onErrorResume(failure -> {
                    try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
                        log.warn("Could not keep the answer of an idempotent request: {}", failure.toString());
                    }
                    return release;
                });
    }

    private Mono<Void> tooManyInFlight(ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return responder.respond(
                exchange,
                ProblemType.TOO_MANY_IN_FLIGHT,
                "At most "
                        + permits.perClient()
                        + " requests with an Idempotency-Key may be in flight at once; retry when one"
                        + " has been answered",
                headers);
    }

    private Mono<Void> storeUnavailable(ServerWebExchange exchange, StoreUnavailable unavailable) {
        try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
            log.warn("Idempotency store unavailable: {}", unavailable.getCause().toString());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return responder.respond(
                exchange,
                ProblemType.SERVICE_UNAVAILABLE,
                "Idempotency-Key cannot be honoured right now; retry shortly",
                headers);
    }

    @Override
    public int getOrder() {
        return FilterOrder.IDEMPOTENCY;
    }

    /** Redis could not be asked: the request is refused rather than possibly run twice. */
    private static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super(cause);
        }
    }
}
