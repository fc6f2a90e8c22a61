package vn.hanoi.hcc.gateway;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in BFF on loopback that records every request it receives. By the end of the path, or by
 * a {@code fake} query parameter (where the gateway routes only named paths, {@code ?fake=pause}):
 * {@code /slow} answers after {@link #SLOW}, {@code /pause} after 700 ms, {@code /reset} hangs up,
 * {@code /fail500} answers 500, {@code /big} answers 20 KB; anything else answers
 * {@code {"from":"fake-bff","n":<count>}}, to a POST with 201 and a fresh {@code lookupSecret} as a
 * filing would. It counts the bytes of each request as they arrive ({@link #bytesArrived}), before
 * the request has ended. {@code /internal/v1/api-keys/{hash}}
 * answers from {@link #registerApiClient}, after {@link #keyStoreDelay} if one is set, or 500 while
 * {@link #keyStoreDown} is set.
 */
final class FakeBff implements AutoCloseable {

    static final Duration SLOW = Duration.ofSeconds(4);
    private static final FakeBff SHARED = new FakeBff();

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, String> apiClients = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> arrived = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean keyStoreDown;
    private volatile Duration keyStoreDelay = Duration.ZERO;
    private final DisposableServer server;

    FakeBff() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::answer)
                .bindNow();
    }

    /** The fake most tests share (so that they share one gateway context). */
    static FakeBff shared() {
        return SHARED;
    }

    /** One request as the BFF received it: header names in lower case, plus :method and :uri. */
    record Received(Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The last request received at a path starting with this prefix. */
    Received last(String pathPrefix) {
        Received last = null;
        for (Received request : received) {
            if (request.header(":uri").startsWith(pathPrefix)) {
                last = request;
            }
        }
        return last;
    }

    /** How many bytes of body have arrived so far for this URI (path and query), ended or not. */
    long bytesArrived(String uri) {
        AtomicLong bytes = arrived.get(uri);
        return bytes == null ? 0 : bytes.get();
    }

    long count(String pathPrefix) {
        return received.stream()
                .filter(request -> request.header(":uri").startsWith(pathPrefix))
                .count();
    }

    void registerApiClient(String keyHash, String clientId, String kind, List<String> scopes, String rateTier) {
        registerApiClient(keyHash, clientId, kind, scopes, rateTier, List.of());
    }

    /** A key whose client files for these agencies, as the BFF's key store answers it. */
    void registerApiClient(
            String keyHash, String clientId, String kind, List<String> scopes, String rateTier, List<String> agencies) {
        apiClients.put(
                keyHash,
                "{\"clientId\":\"" + clientId + "\",\"kind\":\"" + kind + "\",\"scopes\":" + quoted(scopes)
                        + ",\"rateTier\":\"" + rateTier + "\",\"agencies\":" + quoted(agencies) + "}");
    }

    private static List<String> quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList();
    }

    void revokeApiClient(String keyHash) {
        apiClients.remove(keyHash);
    }

    void keyStoreDown(boolean down) {
        keyStoreDown = down;
    }

    /** How long the key store takes to answer; {@link Duration#ZERO} to answer at once again. */
    void keyStoreDelay(Duration delay) {
        keyStoreDelay = delay;
    }

    private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        AtomicLong bytes = arrived.computeIfAbsent(request.uri(), uri -> new AtomicLong());
        Flux<ByteBuf> counted = request.receive().doOnNext(chunk -> bytes.addAndGet(chunk.readableBytes()));
        return ByteBufFlux.fromInbound(counted)
                .aggregate()
                .asString()
                .defaultIfEmpty("")
                .flatMap(body -> {
                    Map<String, String> headers = new TreeMap<>();
                    request.requestHeaders()
                            .forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
                    headers.put(":uri", request.uri());
                    headers.put(":method", request.method().name());
                    received.add(new Received(headers, body));
                    return respond(request, response);
                });
    }

    private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response) {
        String uri = request.uri();
        if (uri.startsWith("/internal/v1/api-keys/")) {
            return directory(uri.substring("/internal/v1/api-keys/".length()), response);
        }
        int query = uri.indexOf("?fake=");
        String behaviour = query >= 0 ? "/" + uri.substring(query + "?fake=".length()) : uri;
        if (behaviour.endsWith("/reset")) {
            return Mono.fromRunnable(() ->
                    response.withConnection(connection -> connection.channel().close()));
        }
        if (behaviour.endsWith("/fail500")) {
            return json(response, 500, "{\"error\":\"boom\"}");
        }
        if (behaviour.endsWith("/big")) {
            return json(response, 200, "{\"filler\":\"" + "x".repeat(20_000) + "\"}");
        }
        Duration delay = behaviour.endsWith("/slow")
                ? SLOW
                : behaviour.endsWith("/pause") ? Duration.ofMillis(700) : Duration.ZERO;
        boolean post = "POST".equals(request.method().name());
        // ThreadLocalRandom: UUID.randomUUID reads /dev/urandom, which BlockHound refuses on an event loop
        String secret = post
                ? ",\"lookupSecret\":\""
                        + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + "\""
                : "";
        return Mono.delay(delay)
                .then(Mono.defer(() -> json(
                        response.header("X-Request-Id", request.requestHeaders().get("X-Request-Id", "none")),
                        post ? 201 : 200,
                        "{\"from\":\"fake-bff\",\"n\":" + answered.incrementAndGet() + secret + "}")));
    }

    private Mono<Void> directory(String hash, HttpServerResponse response) {
        Duration delay = keyStoreDelay;
        if (!delay.isZero()) {
            return Mono.delay(delay).then(Mono.defer(() -> answerFromDirectory(hash, response)));
        }
        return answerFromDirectory(hash, response);
    }

    private Mono<Void> answerFromDirectory(String hash, HttpServerResponse response) {
        if (keyStoreDown) {
            return json(response, 500, "{}");
        }
        String client = apiClients.get(hash);
        return client == null ? json(response, 404, "{}") : json(response, 200, client);
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String body) {
        return response.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(body))
                .then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
