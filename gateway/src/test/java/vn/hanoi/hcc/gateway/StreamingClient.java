package vn.hanoi.hcc.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs a body chunk by chunk, each flushed as it is given (WebTestClient writes a chunk only once
 * the next one is there), so that a test can tell a gateway that streams a body from one that
 * holds it back until the end.
 *
 * @param baseUrl the gateway
 * @param clientIp sent as X-Forwarded-For, as {@link GatewayTest#from} does
 * @param apiKey the machine client's key
 */
record StreamingClient(String baseUrl, String clientIp, String apiKey) {

    /** The answer's status and body. */
    record Answer(int status, String body) {}

    /** The answer to a POST of this body, under this Idempotency-Key ({@code null}: none). */
    Mono<Answer> post(String uri, String idempotencyKey, Flux<ByteBuf> body) {
        return HttpClient.create()
                .baseUrl(baseUrl)
                .headers(headers -> {
                    headers.set("X-Api-Key", apiKey)
                            .set("X-Forwarded-For", clientIp)
                            .set("Content-Type", "application/json");
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .post()
                .uri(uri)
                .send((request, outbound) -> outbound.send(body, chunk -> true))
                .responseSingle((response, content) -> content.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), text)));
    }

    static Mono<ByteBuf> chunk(int size, char fill) {
        return Mono.fromSupplier(() -> {
            byte[] bytes = new byte[size];
            Arrays.fill(bytes, (byte) fill);
            return Unpooled.wrappedBuffer(bytes);
        });
    }

    static Mono<ByteBuf> text(String text) {
        return Mono.fromSupplier(() -> Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
