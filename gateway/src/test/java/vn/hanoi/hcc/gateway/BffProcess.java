package vn.hanoi.hcc.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.hanoi.hcc.testsupport.embedded.FreePort;

/**
 * The BFF's packaged jar running in a process of its own, as in production, with the {@code test}
 * profile of {@code config/mobile-bff}; its log goes to a file the test can read.
 */
final class BffProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private BffProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar named by {@code hcc.bff.jar} and waits until it reports ready. */
    static BffProcess start(Map<String, String> environment, Path log) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("hcc.bff.jar", "../mobile-bff/target/mobile-bff.jar"));
        Path config = Path.of(System.getProperty("hcc.config.dir", "../config")).resolve("mobile-bff");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the BFF first (./mvnw verify builds it before the gateway): " + jar);
        }
        int port = FreePort.find();
        int managementPort = FreePort.find();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--spring.profiles.active=test",
                        "--spring.config.additional-location=file:" + config.toAbsolutePath() + "/",
                        "--server.port=" + port,
                        "--management.server.port=" + managementPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        BffProcess bff = new BffProcess(builder.start(), port, log);
        bff.awaitReady(managementPort);
        return bff;
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the BFF has logged so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady(int managementPort) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The BFF exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        close();
        throw new IllegalStateException("The BFF was not ready within " + STARTUP + "; see " + log);
    }

    /** Stops the BFF as Kubernetes would (SIGTERM), then for good if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
