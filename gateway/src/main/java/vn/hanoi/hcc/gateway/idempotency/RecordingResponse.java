package vn.hanoi.hcc.gateway.idempotency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds back the BFF's answer to a claimed request until it has been recorded (or the key
 * released), then writes it to the client unchanged.
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    /** The headers a replay repeats; the rest (dates, request ids, limits) belong to each attempt. */
    static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG);

    private final long maxStoredBytes;
    private final Function<RecordedAnswer, Mono<Void>> onAnswer;
    private final Mono<Void> onUnkept;

    RecordingResponse(
            ServerHttpResponse delegate,
            long maxStoredBytes,
            Function<RecordedAnswer, Mono<Void>> onAnswer,
            Mono<Void> onUnkept) {
        super(delegate);
        this.maxStoredBytes = maxStoredBytes;
        this.onAnswer = onAnswer;
        this.onUnkept = onUnkept;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return DataBufferUtils.join(Flux.from(body))
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> record(bytes)
                        .then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
    }

    @Override
    public Mono<Void> setComplete() {
        return record(new byte[0]).then(super.setComplete());
    }

    private Mono<Void> record(byte[] body) {
        HttpStatusCode status = getStatusCode();
        if (status == null || !isKept(status) || body.length > maxStoredBytes) {
            return onUnkept;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        REPLAYED_HEADERS.forEach(name -> {
            String value = getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        return onAnswer.apply(new RecordedAnswer(status.value(), headers, body));
    }

    /** A server failure or a rate limit says nothing about the operation: the client may retry. */
    private static boolean isKept(HttpStatusCode status) {
        return !status.is5xxServerError() && status.value() != 429;
    }
}
