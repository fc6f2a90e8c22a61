import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load generator for the HCC API, with nothing but the JDK (java bench/LoadGenerator.java ...).
 *
 * <pre>
 * file   BASE KEY COUNT CONCURRENCY OUT      files COUNT dossiers, writes "code,secret" lines to OUT
 * ingest BASE KEY CODES CONCURRENCY           posts 3 events (4, 9, 10) per dossier of CODES by events:batch
 * lookup BASE CODES CONCURRENCY SECONDS       public lookups of the dossiers in CODES for SECONDS
 * </pre>
 * Every run prints one line of figures: "name ops/s p50_ms p99_ms errors".
 */
public final class LoadGenerator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"lookupSecret\":\"([^\"]+)\"");
    private static final Pattern APPLIED = Pattern.compile("\"applied\":(\\d+)");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "file" -> file(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
            case "ingest" -> ingest(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            case "lookup" -> lookup(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("file, ingest or lookup");
        }
    }

    private static void file(String base, String key, int count, int concurrency, Path out) throws Exception {
        Instant received = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String agency = "B" + (1000 + ThreadLocalRandom.current().nextInt(9000)) + ".1";
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Stats stats = run(count, concurrency, i -> post(base + "/api/v1/agent/dossiers", key, """
                {"agencyCode":"%s","procedureCode":"1.000894","procedureName":"Đăng ký kết hôn","field":"Hộ tịch",
                 "applicantCitizenId":"0010%08d","applicantName":"Nguyễn Văn An","receivingPointId":"W00070",
                 "receivedAt":"%s","dueAt":"%s","channel":"counter","resultDelivery":"counter"}"""
                .formatted(agency, i, received, received.plus(Duration.ofDays(5)))), body -> {
                    Matcher code = CODE.matcher(body);
                    Matcher secret = SECRET.matcher(body);
                    if (code.find() && secret.find()) {
                        lines.add(code.group(1) + "," + secret.group(1));
                    }
                    return 1;
                });
        Files.write(out, lines);
        stats.print("file");
    }

    private static void ingest(String base, String key, Path codes, int concurrency) throws Exception {
        List<String> dossiers = Files.readAllLines(codes).stream().map(line -> line.split(",")[0]).toList();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        int[] statuses = {4, 9, 10};
        long began = System.nanoTime();
        long applied = 0;
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        for (int step = 0; step < statuses.length; step++) {
            int status = statuses[step];
            Instant at = start.plus(Duration.ofHours(step + 1L));
            List<String> batches = new ArrayList<>();
            for (int from = 0; from < dossiers.size(); from += 500) {
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int i = from; i < Math.min(from + 500, dossiers.size()); i++) {
                    body.append(i == from ? "" : ",").append("""
                            {"code":"%s","eventId":"%s-%d","status":%d,"occurredAt":"%s","agency":"Phòng Tư pháp"}"""
                            .formatted(dossiers.get(i), dossiers.get(i), status, status, at));
                }
                batches.add(body.append("]}").toString());
            }
            Stats stats = run(batches.size(), concurrency,
                    i -> post(base + "/api/v1/agent/events:batch", key, batches.get(i)), body -> {
                        Matcher count = APPLIED.matcher(body);
                        return count.find() ? Integer.parseInt(count.group(1)) : 0;
                    });
            applied += stats.units.get();
            latencies.addAll(stats.latencies);
            errors += stats.errors.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "ingest %.0f events/s applied=%d p50_ms=%.1f p99_ms=%.1f errors=%d%n",
                applied / seconds, applied, percentile(latencies, 50), percentile(latencies, 99), errors);
    }

    private static void lookup(String base, Path codes, int concurrency, int seconds) throws Exception {
        List<String[]> receipts = Files.readAllLines(codes).stream().map(line -> line.split(",")).toList();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Stats stats = runFor(until, concurrency, i -> {
            String[] receipt = receipts.get(ThreadLocalRandom.current().nextInt(receipts.size()));
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/lookup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + receipt[0] + "\",\"secret\":\"" + receipt[1] + "\"}"))
                    .timeout(Duration.ofSeconds(10)).build();
        });
        stats.print("lookup");
    }

    private record Stats(AtomicLong units, AtomicLong errors, List<Long> latencies, long nanos) {
        void print(String name) {
            System.out.printf(Locale.ROOT, "%s %.0f ops/s p50_ms=%.1f p99_ms=%.1f errors=%d%n", name,
                    latencies.size() / (nanos / 1e9), percentile(latencies, 50), percentile(latencies, 99), errors.get());
        }
    }

    private interface Requests {
        HttpRequest get(int index);
    }

    private interface Units {
        long of(String body);
    }

    private static Stats run(int count, int concurrency, Requests requests, Units units) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        AtomicLong counted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            long sent = System.nanoTime();
            pending.add(HTTP.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies.add(System.nanoTime() - sent);
                if (failure != null || response.statusCode() >= 300) {
                    errors.incrementAndGet();
                } else {
                    counted.addAndGet(units.of(response.body()));
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return new Stats(counted, errors, new ArrayList<>(latencies), System.nanoTime() - began);
    }

    private static Stats runFor(long until, int concurrency, Requests requests) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        for (int i = 0; System.nanoTime() < until; i++) {
            slots.acquire();
            long sent = System.nanoTime();
            HTTP.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.add(System.nanoTime() - sent);
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        return new Stats(new AtomicLong(), errors, new ArrayList<>(latencies), System.nanoTime() - began);
    }

    private static HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build();
    }

    private static double percentile(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
