package vn.hanoi.hcc.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
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
import vn.hanoi.hcc.gateway.caller.Caller;
import vn.hanoi.hcc.gateway.config.GatewayProperties;
import vn.hanoi.hcc.gateway.error.GatewayProblemType;
import vn.hanoi.hcc.gateway.error.ProblemResponder;
import vn.hanoi.hcc.gateway.filter.RequestId;

/** Honours {@code Idempotency-Key} on machine clients' POSTs (see the package documentation). */
@Component
class IdempotencyGlobalFilter implements GlobalFilter, Ordered {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyGlobalFilter.class);
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemResponder responder;
    private final String retryAfterSeconds;

    IdempotencyGlobalFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemResponder responder,
            GatewayProperties gateway) {
        this.store = store;
        this.properties = properties;
        this.responder = responder;
        this.retryAfterSeconds = Long.toString(gateway.retryAfter().toSeconds());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        Caller caller = Caller.of(exchange);
        if (key == null || exchange.getRequest().getMethod() != HttpMethod.POST || !caller.kind().isMachine()) {
            return chain.filter(exchange);
        }
        if (!WELL_FORMED.matcher(key).matches()) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters"));
        }
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(IdempotencyGlobalFilter::drain)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    String fingerprint = fingerprint(exchange, body);
                    return store.claim(caller.subject(), key, fingerprint)
                            .onErrorMap(failure -> !(failure instanceof ResponseStatusException), StoreUnavailable::new)
                            .flatMap(claim -> claim.held() == null
                                    ? forward(exchange, chain, body, fingerprint, claim.redisKey())
                                    : answerHeld(exchange, claim.held(), fingerprint));
                })
                .onErrorResume(StoreUnavailable.class, unavailable -> {
                    try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
                        log.warn("Idempotency store unavailable: {}", unavailable.getCause().toString());
                    }
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
                    return responder.respond(exchange, GatewayProblemType.SERVICE_UNAVAILABLE,
                            "Idempotency-Key cannot be honoured right now; retry shortly", headers);
                });
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, byte[] body, String fingerprint,
            String redisKey) {
        Mono<Void> release = store.release(redisKey).onErrorResume(failure -> Mono.empty());
        ServerHttpResponse recording = new RecordingResponse(exchange.getResponse(),
                properties.maxStoredBody().toBytes(), fingerprint,
                answer -> store.complete(redisKey, answer).onErrorResume(failure -> {
                    try (MDC.MDCCloseable ignored = RequestId.inLogs(exchange)) {
                        log.warn("Could not keep the answer of an idempotent request: {}", failure.toString());
                    }
                    return release;
                }),
                release);
        ServerHttpRequestDecorator replayableBody = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().request(replayableBody).response(recording).build())
                // a client that hangs up leaves the key held until in-flight-ttl: the BFF may still be at work
                .onErrorResume(failure -> release.then(Mono.error(failure)));
    }

    private Mono<Void> answerHeld(ServerWebExchange exchange, IdempotencyRecord held, String fingerprint) {
        HttpHeaders headers = new HttpHeaders();
        if (!held.fingerprint().equals(fingerprint)) {
            return responder.respond(exchange, GatewayProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request", headers);
        }
        if (held.isInFlight()) {
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return responder.respond(exchange, GatewayProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "The first request with this Idempotency-Key is still being processed", headers);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(held.status()));
        held.headers().forEach(response.getHeaders()::set);
        response.getHeaders().set(REPLAYED, "true");
        byte[] body = Base64.getDecoder().decode(held.body());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String fingerprint(ServerWebExchange exchange, byte[] body) {
        String target = exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getURI().getRawPath()
                + "?" + exchange.getRequest().getURI().getRawQuery() + "\n";
        byte[] head = target.getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return IdempotencyStore.sha256(whole);
    }

    private static byte[] drain(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    @Override
    public int getOrder() {
        return -20;
    }

    /** Redis could not be asked: the request is refused rather than possibly run twice. */
    private static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super(cause);
        }
    }
}
