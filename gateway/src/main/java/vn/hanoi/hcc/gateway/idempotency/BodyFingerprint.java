package vn.hanoi.hcc.gateway.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The SHA-256 fingerprint of an idempotent request: method, path and query, a newline, then the
 * body, hashed buffer by buffer as the body passes, so that no body is ever held whole. Two
 * strengths: {@link #target} alone (known from the request line, before any byte of the body) and
 * the whole fingerprint (known once the last byte has passed). The digest of the same bytes is the
 * same whether they were hashed at once or in pieces.
 */
final class BodyFingerprint {

    private final MessageDigest digest = newDigest();
    private final Sinks.One<String> whole = Sinks.one();
    /** The body's declared length, -1 if not declared (chunked). */
    private final long length;

    private long hashed;
    private volatile boolean ended;

    private BodyFingerprint(byte[] head, long length) {
        digest.update(head);
        this.length = length;
    }

    /** The fingerprint of this request's body as it passes through {@link #hashing}. */
    static BodyFingerprint of(ServerHttpRequest request) {
        return new BodyFingerprint(head(request), request.getHeaders().getContentLength());
    }

    /** SHA-256 of method, path and query: what a request says before its body. */
    static String target(ServerHttpRequest request) {
        return hex(newDigest().digest(head(request)));
    }

    /** Reads the body to its end, keeping no buffer, and gives its whole fingerprint. */
    static Mono<String> ofWholeBody(ServerHttpRequest request) {
        BodyFingerprint fingerprint = of(request);
        return fingerprint
                .hashing(request.getBody())
                .doOnNext(DataBufferUtils::release)
                .then(fingerprint.whole())
                .switchIfEmpty(Mono.error(new IllegalStateException("the body ended without completing")));
    }

    /**
     * The body, unchanged, each buffer added to the digest before it goes on. The whole
     * fingerprint is given once the body completes, or once its declared length has passed (the
     * BFF may answer, and the proxying cancel the body, before the completion signal comes); if it
     * fails or is cancelled before that, none is.
     */
    Flux<DataBuffer> hashing(Flux<DataBuffer> body) {
        return body.doOnNext(buffer -> {
                    update(buffer);
                    if (hashed == length) {
                        end();
                    }
                })
                .doOnComplete(this::end)
                .doOnError(failure -> whole.tryEmitEmpty())
                .doOnCancel(whole::tryEmitEmpty);
    }

    private void end() {
        if (!ended) {
            ended = true;
            whole.tryEmitValue(hex(digest.digest()));
        }
    }

    /** Whether the body has passed to its end (and so may have reached the BFF whole). */
    boolean ended() {
        return ended;
    }

    /** The whole fingerprint once the body has passed to its end; empty if it never did. */
    Mono<String> whole() {
        return whole.asMono();
    }

    private void update(DataBuffer buffer) {
        hashed += buffer.readableByteCount();
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            while (chunks.hasNext()) {
                ByteBuffer chunk = chunks.next();
                digest.update(chunk);
            }
        }
    }

    private static byte[] head(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return (request.getMethod().name() + " " + request.getURI().getRawPath() + "?" + query + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        return hex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
