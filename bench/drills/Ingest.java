import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that retries, for the PostgreSQL drill, with nothing but the JDK:
 * java bench/drills/Ingest.java BASE KEY CODES CONCURRENCY PACE_MS DEADLINE_SECONDS OUT
 *
 * <p>Posts the status events 4, 9, 10 to each dossier of CODES ("code,secret" lines), one dossier after
 * another on each of CONCURRENCY threads, PACE_MS between events. An event that gets no answer, a 5xx
 * or a 429 is sent again, the same body and the same eventId, after 100 ms doubling to 2 s, until
 * DEADLINE_SECONDS; any other refusal is final. OUT gets a line per event: code, eventId, attempts,
 * final status, result, first sent and answered (epoch ms). Prints one line of totals.
 */
public final class Ingest {

    private static final Pattern RESULT = Pattern.compile("\"result\":\"([a-z]+)\"");

    private Ingest() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        List<String> codes = Files.readAllLines(Path.of(args[2])).stream().map(l -> l.split(",")[0]).toList();
        int concurrency = Integer.parseInt(args[3]);
        long pace = Long.parseLong(args[4]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        int[] statuses = {4, 9, 10};
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> failures = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                for (int d = next.getAndIncrement(); d < codes.size(); d = next.getAndIncrement()) {
                    String code = codes.get(d);
                    for (int step = 0; step < statuses.length; step++) {
                        String eventId = "drill-" + code + "-" + statuses[step];
                        String body = """
                                {"eventId":"%s","status":%d,"occurredAt":"%s","agency":"Phòng Tư pháp"}"""
                                .formatted(eventId, statuses[step], start.plus(Duration.ofHours(step + 1L)));
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/agent/dossiers/" + code + "/events"))
                                .header("Content-Type", "application/json").header("X-Api-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build();
                        long first = System.currentTimeMillis();
                        long backoff = 100;
                        int attempts = 0;
                        int status;
                        String result;
                        while (true) {
                            attempts++;
                            String failure;
                            try {
                                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                                status = response.statusCode();
                                Matcher m = RESULT.matcher(response.body());
                                result = status == 200 && m.find() ? m.group(1)
                                        : response.body().replaceAll("[\\s,]+", " ").substring(0, Math.min(160, response.body().length()));
                                failure = String.valueOf(status);
                            } catch (IOException e) {
                                status = 0;
                                result = e.getClass().getSimpleName();
                                failure = "no answer (" + result + ")";
                            } catch (InterruptedException e) {
                                return;
                            }
                            boolean retry = status == 0 || status == 429 || status >= 500;
                            if (!retry || System.nanoTime() > deadline) {
                                break;
                            }
                            synchronized (failures) {
                                failures.computeIfAbsent(failure, k -> new AtomicInteger()).incrementAndGet();
                            }
                            sleep(backoff);
                            backoff = Math.min(2000, backoff * 2);
                        }
                        lines.add(String.join(",", code, eventId, String.valueOf(attempts), String.valueOf(status), result,
                                String.valueOf(first), String.valueOf(System.currentTimeMillis())));
                        sleep(pace);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[6])))) {
            lines.forEach(out::println);
        }
        System.out.println("ingest events=" + lines.size() + " retried attempts by answer: " + failures);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
