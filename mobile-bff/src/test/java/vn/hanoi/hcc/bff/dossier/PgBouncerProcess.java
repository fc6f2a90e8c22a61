package vn.hanoi.hcc.bff.dossier;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.hanoi.hcc.testsupport.embedded.FreePort;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;

/**
 * A PgBouncer process in transaction mode in front of a test PostgreSQL, configured as the
 * CloudNativePG {@code Pooler} of k8s/base/pooler.yaml configures its own (a {@code *} fallback
 * database, {@code ignore_startup_parameters = extra_float_digits,options}), with a small server pool
 * so that clients take turns on the same server connections. Its log goes to {@code target/}.
 */
final class PgBouncerProcess implements AutoCloseable {

    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin");

    private final Process process;
    private final int port;

    private PgBouncerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The pgbouncer executable on the PATH or in the system directories Debian installs it to. */
    static Optional<Path> executable() {
        List<String> directories =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(SYSTEM_DIRECTORIES);
        return directories.stream()
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "pgbouncer"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts it on a free loopback port and waits (at most 10 s) until it accepts connections. */
    static PgBouncerProcess start(Path executable, PostgresAddress server, int serverConnections, Path directory)
            throws IOException, InterruptedException {
        int port = FreePort.find();
        // readable by the unprivileged user pgbouncer switches to when started as root (it refuses root)
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path users = Files.writeString(
                directory.resolve("users.txt"), "\"%s\" \"%s\"\n".formatted(server.user(), server.password()));
        Path ini = Files.writeString(directory.resolve("pgbouncer.ini"), """
                [databases]
                * = host=%s port=%d
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                pool_mode = transaction
                default_pool_size = %d
                reserve_pool_size = 0
                max_client_conn = 500
                ignore_startup_parameters = extra_float_digits,options
                """.formatted(
                        server.host(), server.port(), port, users, serverConnections));
        for (Path file : List.of(users, ini)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(ini.toString());
        Path log = Path.of("target", "pgbouncer-" + port + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PgBouncerProcess bouncer = new PgBouncerProcess(process, port);
        bouncer.awaitListening(log);
        return bouncer;
    }

    int port() {
        return port;
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer exited: " + tail(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("pgbouncer did not listen within 10 s: " + tail(log));
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return String.join("\n", lines.toList());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
