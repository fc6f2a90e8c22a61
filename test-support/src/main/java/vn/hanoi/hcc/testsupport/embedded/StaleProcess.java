package vn.hanoi.hcc.testsupport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a server left running by an earlier local run that was killed outright (its pid file
 * still names a live process), so that the data directory can be used again.
 */
final class StaleProcess {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private StaleProcess() {}

    static void stopIfAlive(Path pidFile, String what) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty()
                ? Optional.empty()
                : parse(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent()) {
            System.out.println("Stopping a " + what + " left running by an earlier run (pid "
                    + process.get().pid() + ")");
            process.get().destroy();
            try {
                process.get().onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException stubborn) {
                process.get().destroyForcibly();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }
}
