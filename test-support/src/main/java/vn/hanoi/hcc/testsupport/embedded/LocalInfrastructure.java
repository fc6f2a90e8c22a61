package vn.hanoi.hcc.testsupport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL and Redis of {@code ./run-local.sh}. Keeps their data under the state
 * directory, writes their addresses to an env file once both accept connections, and stops both
 * when the process is told to stop (SIGINT, SIGTERM).
 *
 * <pre>LocalInfrastructure --state-dir .local --env-file .local/run/infra.env [--postgres] [--redis]</pre>
 */
public final class LocalInfrastructure {

    private static final String DATABASE = "hcc";

    private LocalInfrastructure() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path state = Path.of(options.getOrDefault("--state-dir", ".local"));
        Path envFile = Path.of(options.getOrDefault(
                "--env-file", state.resolve("run/infra.env").toString()));
        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started, envFile, stopped), "local-infra-stop"));

        Map<String, String> environment = new LinkedHashMap<>();
        if (options.containsKey("--postgres")) {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(state.resolve("postgres"));
            started.add(postgres);
            environment.putAll(
                    Databases.createIfAbsent(postgres.address(), DATABASE).environment());
            // on the server this process started: the one database the local profile may seed
            Databases.markAsLocal(postgres.address(), DATABASE);
            System.out.println("PostgreSQL ready on " + postgres.address().withDatabase(DATABASE));
        }
        if (options.containsKey("--redis")) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.start(state.resolve("redis"));
            started.add(0, redis);
            environment.put("HCC_REDIS_URL", redis.url());
            System.out.println("Redis ready on " + redis.url());
        }
        writeAtomically(envFile, environment);
        stopped.await();
    }

    private static void writeAtomically(Path envFile, Map<String, String> environment) throws IOException {
        Files.createDirectories(envFile.toAbsolutePath().getParent());
        Path partial = envFile.resolveSibling(envFile.getFileName() + ".partial");
        StringBuilder lines = new StringBuilder();
        environment.forEach(
                (name, value) -> lines.append(name).append('=').append(value).append('\n'));
        Files.writeString(partial, lines);
        Files.move(partial, envFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void stop(List<AutoCloseable> started, Path envFile, CountDownLatch stopped) {
        for (AutoCloseable server : started) {
            try {
                server.close();
            } catch (Exception failure) {
                System.err.println("Could not stop " + server + ": " + failure);
            }
        }
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException ignored) {
            // a stale env file is rewritten by the next start
        }
        System.out.println("Embedded PostgreSQL and Redis stopped");
        stopped.countDown();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(args[i], hasValue ? args[++i] : "true");
        }
        return options;
    }
}
