import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A fake FCM for benchmarks and fault drills, JDK only, on loopback: the OAuth token endpoint and
 * FCM's HTTP v1 send endpoint, answering every message as sent (after LATENCY_MS), and recording
 * each one. The BFF reaches it through HCC_FIREBASE_ENDPOINT with the service account it writes.
 *
 * <pre>
 * java bench/FakeFcmServer.java PORT DIR     writes DIR/service-account.json, then serves:
 *   POST /token                                 an access token (the SDK's service-account grant)
 *   POST /v1/projects/{p}/messages:send         one message: 200 {"name": ...}
 *   GET  /stats                                 {"received", "distinct", "duplicates", "firstAt", "lastAt"}
 *   GET  /received                              a line per message: "receivedAtMillis token dossierCode version"
 * </pre>
 */
public final class FakeFcmServer {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"dossierCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private record Received(long at, String token, String code, String version) {
        String key() {
            return token + " " + code + " " + version;
        }
    }

    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicLong IDS = new AtomicLong();

    private FakeFcmServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long latency = Long.parseLong(System.getenv().getOrDefault("LATENCY_MS", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"fake-bench-token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"));
        server.createContext("/v1/projects/", exchange -> send(exchange, latency));
        server.createContext("/stats", exchange -> answer(exchange, 200, stats()));
        server.createContext("/received", exchange -> answer(exchange, 200, RECEIVED.stream()
                .map(r -> r.at() + " " + r.key()).collect(Collectors.joining("\n", "", "\n"))));
        writeServiceAccount(Path.of(args[1]), port);
        server.start();
        System.out.println("fake FCM on 127.0.0.1:" + port + " (latency " + latency + " ms)");
    }

    private static void send(HttpExchange exchange, long latency) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!exchange.getRequestURI().getPath().endsWith("/messages:send")) {
            answer(exchange, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}");
            return;
        }
        RECEIVED.add(new Received(System.currentTimeMillis(), find(TOKEN, body), find(CODE, body), find(VERSION, body)));
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
        answer(exchange, 200, "{\"name\":\"projects/hcc-bench/messages/" + IDS.incrementAndGet() + "\"}");
    }

    private static String stats() {
        List<Received> all = List.copyOf(RECEIVED);
        Map<String, Long> perMessage = all.stream().collect(Collectors.groupingBy(Received::key, Collectors.counting()));
        long first = all.stream().mapToLong(Received::at).min().orElse(0);
        long last = all.stream().mapToLong(Received::at).max().orElse(0);
        return "{\"received\":%d,\"distinct\":%d,\"duplicates\":%d,\"firstAt\":%d,\"lastAt\":%d}"
                .formatted(all.size(), perMessage.size(), all.size() - perMessage.size(), first, last);
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "-";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A service account whose token endpoint is this server: the real SDK signs its grant with this key. */
    private static void writeServiceAccount(Path dir, int port) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        // a JSON string: its line breaks written as \n
        String pem = ("-----BEGIN PRIVATE KEY-----\n" + key + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("service-account.json"), """
                {"type": "service_account", "project_id": "hcc-bench", "private_key_id": "bench",
                 "private_key": "%s", "client_email": "push@hcc-bench.iam.gserviceaccount.com",
                 "client_id": "1", "token_uri": "http://127.0.0.1:%d/token"}
                """.formatted(pem, port));
    }
}
