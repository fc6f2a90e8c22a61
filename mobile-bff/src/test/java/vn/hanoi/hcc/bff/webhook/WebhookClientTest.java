package vn.hanoi.hcc.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.webhook.RebindingResolver.address;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import vn.hanoi.hcc.bff.outbox.Outcome;

/**
 * A delivery resolves the target's host itself, checks every address, and connects to a checked
 * one, keeping the URL's host for the {@code Host} header and TLS. The DNS is {@link RebindingResolver}.
 */
class WebhookClientTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String HOST = "hooks.example.test";

    private final RebindingResolver dns = new RebindingResolver();
    private final Queue<String> hostHeaders = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private DisposableServer receiver;

    @BeforeEach
    void receiverOnLoopback() {
        receiver = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnConnection(connection -> connections.incrementAndGet())
                .handle((request, response) -> {
                    hostHeaders.add(request.requestHeaders().get("Host"));
                    return response.status(204).send();
                })
                .bindNow();
    }

    @AfterEach
    void stopReceiver() {
        receiver.disposeNow();
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheUrlsHostInTheHostHeader() {
        dns.then(HOST, address("127.0.0.1"));

        assertThat(post(client(true), "http://" + HOST + ":" + receiver.port() + "/hooks"))
                .isEmpty();

        assertThat(hostHeaders).containsExactly(HOST + ":" + receiver.port());
    }

    @Test
    void refusesEveryForbiddenAnswerWithoutConnecting() {
        WebhookClient production = client(false);
        List<List<InetAddress>> answers = List.of(
                List.of(address("127.0.0.1")),
                List.of(WebhookTargetPolicyTest.mapped("127.0.0.1")),
                List.of(address("::ffff:127.0.0.1")),
                List.of(address("203.0.113.10"), address("127.0.0.1")));
        for (int i = 0; i < answers.size(); i++) {
            String host = "hooks-" + i + ".example.test";
            dns.then(host, answers.get(i).toArray(InetAddress[]::new));
            assertThat(post(production, "http://" + host + ":" + receiver.port() + "/hooks"))
                    .as(answers.get(i).toString())
                    .contains(WebhookTargetRefusedException.LAST_ERROR);
        }
        dns.then("127.0.0.1", address("127.0.0.1"));
        assertThat(post(production, "http://127.0.0.1:" + receiver.port() + "/hooks"))
                .as("a literal address")
                .contains(WebhookTargetRefusedException.LAST_ERROR);

        assertThat(connections).hasValue(0);
    }

    @Test
    void sendsTheUrlsHostAsTheTlsServerName() throws Exception {
        ExecutorService acceptor = Executors.newSingleThreadExecutor();
        try (ServerSocket tls = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<String> serverName = CompletableFuture.supplyAsync(() -> firstServerName(tls), acceptor);
            dns.then(HOST, address("127.0.0.1"));

            // the handshake cannot complete (nobody answers it): only the name the client sent matters
            assertThat(post(client(true), "https://" + HOST + ":" + tls.getLocalPort() + "/hooks"))
                    .isPresent();

            assertThat(serverName.get(10, TimeUnit.SECONDS)).isEqualTo(HOST);
        } finally {
            acceptor.shutdownNow();
        }
    }

    private WebhookClient client(boolean loopbackAllowed) {
        WebhookProperties properties = WebhookPropertiesTest.loopback(loopbackAllowed);
        return new WebhookClient(
                properties, new WebhookTargetPolicy(properties, dns), Clock.systemUTC(), WebClient.builder());
    }

    /** Empty when delivered, else the failure's error. */
    private static Optional<String> post(WebhookClient client, String url) {
        Outcome outcome =
                client.post(url, SECRET, "msg_test", "{\"type\":\"test\"}").block(Duration.ofSeconds(15));
        assertThat(outcome).isInstanceOfAny(Outcome.Delivered.class, Outcome.Failed.class);
        return outcome instanceof Outcome.Failed failed ? Optional.of(failed.error()) : Optional.empty();
    }

    /** The server_name extension of the first TLS ClientHello on the socket (RFC 8446 4.1.2, RFC 6066 3). */
    private static String firstServerName(ServerSocket server) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readUnsignedByte(); // record type: handshake
            in.readUnsignedShort(); // record version
            byte[] record = new byte[in.readUnsignedShort()];
            in.readFully(record);
            ByteBuffer hello = ByteBuffer.wrap(record);
            hello.position(4 + 2 + 32); // handshake header, client version, random
            skip(hello, hello.get() & 0xff); // session id
            skip(hello, hello.getShort() & 0xffff); // cipher suites
            skip(hello, hello.get() & 0xff); // compression methods
            int end = (hello.getShort() & 0xffff) + hello.position();
            while (hello.position() < end) {
                int type = hello.getShort() & 0xffff;
                int length = hello.getShort() & 0xffff;
                if (type == 0) { // server_name: list length, name type, name length, name
                    hello.position(hello.position() + 3);
                    byte[] name = new byte[hello.getShort() & 0xffff];
                    hello.get(name);
                    return new String(name, StandardCharsets.US_ASCII);
                }
                skip(hello, length);
            }
            return "(no server name)";
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }
}
