package vn.hanoi.hcc.testsupport.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** An embedded PostgreSQL (binaries from the zonky jar) on a free loopback port. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where to keep the data across runs, or {@code null} for a throwaway one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
        return start(dataDirectory, FreePort.find());
    }

    /**
     * Starts a server on this port: with the data directory of one that was closed, it is that
     * server again (a restart, as a test of lost connections needs).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            StaleProcess.stopIfAlive(dataDirectory.resolve("postmaster.pid"), "PostgreSQL");
            builder.setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on");
        } else {
            // A throwaway server's data outlives nothing: no statement of a test need wait for the
            // disk, which a shared CI machine may stall.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public PostgresAddress address() {
        return new PostgresAddress("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
