import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The push benchmark's client, JDK only (java bench/PushBench.java ...), next to bench/FakeFcmServer.java.
 *
 * <pre>
 * devices BFF COUNT                          two phones (vi android, en ios) for each of the citizens 0010%08d, i &lt; COUNT,
 *                                            registered straight at the BFF with the gateway's identity token
 * finish  BASE KEY CODES FROM TO             status 9 for dossiers FROM..TO-1 of CODES, by events:batch (500 a request,
 *                                            a batch sent again, as it was, after a timeout or a 5xx)
 * latency BASE KEY CODES FROM TO RATE FCM    status 9 one dossier at a time at RATE/s; then, per message, the time
 *                                            from the event's 201 to its arrival at the fake FCM
 * drain   FCM EXPECTED SECONDS               waits for EXPECTED distinct messages at the fake FCM; their rate
 * </pre>
 */
public final class PushBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant EARLIER = Instant.now().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);

    private PushBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "devices" -> devices(args[1], Integer.parseInt(args[2]));
            case "finish" -> finish(args[1], args[2], codes(args[3], args[4], args[5]));
            case "latency" -> latency(args[1], args[2], codes(args[3], args[4], args[5]), Integer.parseInt(args[6]), args[7]);
            case "drain" -> drain(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("devices, finish, latency or drain");
        }
    }

    private static List<String> codes(String file, String from, String to) throws Exception {
        return Files.readAllLines(Path.of(file)).subList(Integer.parseInt(from), Integer.parseInt(to)).stream()
                .map(line -> line.split(",")[0]).toList();
    }

    private static void devices(String bff, int citizens) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < citizens; i++) {
            String citizen = "0010%08d".formatted(i);
            for (String[] phone : new String[][] {{"a", "android", "vi"}, {"b", "ios", "en"}}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(bff + "/api/v1/me/devices"))
                        .header("Content-Type", "application/json").header("X-Hcc-Identity", identity(citizen))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"bench-%s-%s\",\"platform\":\"%s\",\"locale\":\"%s\"}"
                                .formatted(citizen, phone[0], phone[1], phone[2]))).build();
                calls.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> count(failed, response, error, 201)));
            }
            if (calls.size() >= 64) {
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
                calls.clear();
            }
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        System.out.println("devices " + 2 * citizens + " failed=" + failed.get());
    }

    private static void finish(String base, String key, List<String> codes) throws Exception {
        AtomicLong failed = new AtomicLong();
        for (int from = 0; from < codes.size(); from += 500) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = from; i < Math.min(from + 500, codes.size()); i++) {
                body.append(i == from ? "" : ",").append(event(codes.get(i)));
            }
            String batch = body.append("]}").toString();
            // events are idempotent by id: a batch that timed out or met a 5xx is sent again as it was
            boolean done = false;
            for (int attempt = 1; attempt <= 5 && !done; attempt++) {
                try {
                    done = HTTP.send(post(base + "/api/v1/agent/events:batch", key, batch),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (java.io.IOException timedOut) {
                    done = false;
                }
                if (!done) {
                    Thread.sleep(1_000L * attempt);
                }
            }
            if (!done) {
                failed.incrementAndGet();
            }
        }
        System.out.println("finish " + codes.size() + " failed=" + failed.get());
    }

    private static void latency(String base, String key, List<String> codes, int rate, String fcm) throws Exception {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < codes.size(); i++) {
            long due = began + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String code = codes.get(i);
            calls.add(HTTP.sendAsync(post(base + "/api/v1/agent/dossiers/" + code + "/events", key, event(code)),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        if (count(failed, response, error, 200)) { // 200: applied (a replay would say so too)
                            accepted.put(code, System.currentTimeMillis());
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        List<Long> latencies = arrivals(fcm, accepted, 2L * accepted.size(), 60);
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "latency messages=%d lost=%d p50_ms=%d p99_ms=%d max_ms=%d failed=%d%n",
                latencies.size(), 2L * accepted.size() - latencies.size(), at(latencies, 50), at(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), failed.get());
    }

    /** The fake FCM's arrivals of these dossiers' messages, waiting up to SECONDS for all of them. */
    private static List<Long> arrivals(String fcm, Map<String, Long> accepted, long expected, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            List<Long> latencies = new ArrayList<>();
            for (String line : get(fcm + "/received").split("\n")) {
                String[] fields = line.split(" ");
                Long sent = fields.length == 4 ? accepted.get(fields[2]) : null;
                if (sent != null) {
                    latencies.add(Long.parseLong(fields[0]) - sent);
                }
            }
            if (latencies.size() >= expected || System.nanoTime() > until) {
                return latencies;
            }
            Thread.sleep(200);
        }
    }

    private static void drain(String fcm, long expected, int seconds) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String stats = get(fcm + "/stats");
        while (number(stats, "distinct") < expected && System.nanoTime() < until) {
            Thread.sleep(200);
            stats = get(fcm + "/stats");
        }
        double span = (number(stats, "lastAt") - number(stats, "firstAt")) / 1000.0;
        System.out.printf(Locale.ROOT, "drain messages=%d msgs_per_s=%.0f seconds=%.1f duplicates=%d lost=%d%n",
                number(stats, "distinct"), number(stats, "distinct") / Math.max(span, 0.001), span,
                number(stats, "duplicates"), Math.max(0, expected - number(stats, "distinct")));
    }

    private static String event(String code) {
        return "{\"code\":\"%s\",\"eventId\":\"%s-ready\",\"status\":9,\"occurredAt\":\"%s\",\"agency\":\"Phòng Tư pháp\"}"
                .formatted(code, code, EARLIER);
    }

    private static HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("X-Api-Key", key)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean count(AtomicLong failed, HttpResponse<String> response, Throwable error, int expected) {
        boolean ok = error == null && response.statusCode() == expected;
        if (!ok) {
            failed.incrementAndGet();
        }
        return ok;
    }

    private static long number(String json, String field) {
        int at = json.indexOf("\"" + field + "\":") + field.length() + 3;
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(at, end));
    }

    private static long at(List<Long> sorted, int percentile) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /** The gateway's identity token for a citizen: HS256 with HCC_INTERNAL_TOKEN_SECRET, valid a minute. */
    private static String identity(String citizen) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"HS256\"}");
        String claims = base64(("{\"iss\":\"hcc-gateway\",\"aud\":\"hcc-mobile-bff\",\"sub\":\"%s\",\"kind\":\"user\","
                + "\"roles\":[\"citizen\"],\"cip\":\"127.0.0.1\",\"iat\":%d,\"exp\":%d}").formatted(citizen, now, now + 60));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(System.getenv("HCC_INTERNAL_TOKEN_SECRET")), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
