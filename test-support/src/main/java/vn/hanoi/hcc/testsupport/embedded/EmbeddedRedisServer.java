package vn.hanoi.hcc.testsupport.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** An embedded Redis (binary from the codemonstur jar) on a free loopback port. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where to keep an append-only file across runs, or {@code null} for none
     */
    public static EmbeddedRedisServer start(Path dataDirectory) throws IOException {
        return start(dataDirectory, FreePort.find());
    }

    /** Starts a server on this port (to bring one back where it was, say). */
    public static EmbeddedRedisServer start(Path dataDirectory, int port) throws IOException {
        var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"");
        if (dataDirectory != null) {
            Path directory = Files.createDirectories(dataDirectory).toAbsolutePath();
            Path pidFile = directory.resolve("redis.pid");
            StaleProcess.stopIfAlive(pidFile, "Redis");
            builder.setting("dir " + directory).setting("pidfile " + pidFile).setting("appendonly yes");
        } else {
            builder.setting("appendonly no");
        }
        RedisServer redis = builder.build();
        redis.start();
        return new EmbeddedRedisServer(redis, port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        redis.stop();
    }
}
