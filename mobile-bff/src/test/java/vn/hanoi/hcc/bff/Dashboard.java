package vn.hanoi.hcc.bff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard the cluster ships (k8s/components/monitoring): the series it reads of one
 * application, so that a test can check the application really publishes each of them.
 */
final class Dashboard {

    private static final Path FILE = Path.of(System.getProperty("hcc.config.dir", "../config"))
            .resolveSibling("k8s")
            .resolve("components/monitoring/dashboards/hcc-mobile-backend.json");
    /** A metric read with a selector naming the application: {@code name{application=\"app\",...}}. */
    private static final Pattern SERIES = Pattern.compile("([a-z_][a-z0-9_]*)\\{application=\\\\\"([a-z-]+)\\\\\"");

    private Dashboard() {}

    /** The metric names the dashboard reads with {@code application="<application>"}. */
    static String[] seriesOf(String application) {
        String json;
        try {
            json = Files.readString(FILE);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = SERIES.matcher(json);
        while (matcher.find()) {
            if (matcher.group(2).equals(application)) {
                names.add(matcher.group(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the dashboard " + FILE + " reads nothing of " + application);
        }
        return names.toArray(String[]::new);
    }
}
