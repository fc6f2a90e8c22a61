package vn.hanoi.hcc.testsupport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A PostgreSQL of a test's own (embedded, with its data on disk) that the test can stop and start
 * again on the same port, as an operator's restart or a failover would: the application keeps its
 * address and must find its way back by itself.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private final String database;
    private EmbeddedPostgresServer server;

    private RestartablePostgres(Path data, int port, String database, EmbeddedPostgresServer server) {
        this.data = data;
        this.port = port;
        this.database = database;
        this.server = server;
    }

    /** Starts a server with a fresh data directory and creates the database. */
    public static RestartablePostgres start(String database) throws Exception {
        Path data = Files.createTempDirectory("hcc-restartable-pg");
        int port = FreePort.find();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port);
        Databases.createIfAbsent(server.address(), database);
        return new RestartablePostgres(data, port, database, server);
    }

    /** {@code HCC_DB_*} for the services' configuration. */
    public Map<String, String> environment() {
        return server.address().withDatabase(database).environment();
    }

    /** Stops the server (its clients' connections break), waits, and starts it again on the same port. */
    public synchronized void restart(Duration down) throws IOException, InterruptedException {
        server.close();
        Thread.sleep(down.toMillis());
        server = EmbeddedPostgresServer.start(data, port);
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
    }
}
