import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Steady load for the fault drills, with nothing but the JDK: java bench/drills/Probe.java REQUESTS RATE SECONDS STOP OUT
 *
 * <p>REQUESTS holds one request a line, tab-separated: label, method, URL, headers ("Name: value" joined
 * by " | ", or "-"), body (or "-"). They are sent in turn at RATE per second, open loop (a slow answer
 * does not slow the sending; at most 512 in flight), until SECONDS have passed or the file STOP exists.
 * Every answer becomes a line of OUT: sent (epoch ms), label, status (0: no answer within 15 s or a
 * transport error), latency ms, whether it carried RateLimit-Limit, whether it was problem+json.
 */
public final class Probe {

    private record Line(String label, HttpRequest request) {
    }

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        List<Line> lines = new ArrayList<>();
        for (String row : Files.readAllLines(Path.of(args[0]))) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f[2])).timeout(Duration.ofSeconds(15));
            if (!f[3].equals("-")) {
                for (String h : f[3].split(" \\| ")) {
                    int colon = h.indexOf(':');
                    b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
            }
            b.method(f[1], f[4].equals("-") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(f[4]));
            lines.add(new Line(f[0], b.build()));
        }
        double rate = Double.parseDouble(args[1]);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        Path stop = Path.of(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(512);
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        long skipped = 0;
        for (long i = 0; System.nanoTime() < until && !Files.exists(stop); i++) {
            long due = began + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                skipped++;
                continue;
            }
            Line line = lines.get((int) (i % lines.size()));
            long sentAt = System.currentTimeMillis();
            long sent = System.nanoTime();
            http.sendAsync(line.request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                double ms = (System.nanoTime() - sent) / 1e6;
                int status = failure == null ? response.statusCode() : 0;
                boolean metered = failure == null && response.headers().firstValue("RateLimit-Limit").isPresent();
                boolean problem = failure == null && response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json");
                results.add(String.format(Locale.ROOT, "%d,%s,%d,%.1f,%d,%d", sentAt, line.label(), status, ms,
                        metered ? 1 : 0, problem ? 1 : 0));
                inFlight.release();
            });
        }
        inFlight.acquire(512);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
            results.forEach(out::println);
        }
        System.out.printf("probe sent=%d skipped=%d%n", results.size(), skipped);
    }
}
