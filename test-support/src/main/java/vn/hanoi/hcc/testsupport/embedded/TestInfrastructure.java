package vn.hanoi.hcc.testsupport.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL and Redis of one test JVM, started once and stopped when the JVM exits.
 * {@code HCC_TEST_DB_URL} ({@code postgresql://user@host:port/db}) points the tests at an external
 * server, where they get a database of their own, dropped at the end; {@code HCC_TEST_REDIS_URL}
 * ({@code redis://host:port}) at an external Redis. Otherwise both are embedded.
 */
public final class TestInfrastructure {

    private static final TestInfrastructure SHARED = new TestInfrastructure();

    private PostgresAddress database;
    private String redisUrl;

    private TestInfrastructure() {}

    /** The infrastructure of this JVM; each server starts on first use. */
    public static TestInfrastructure shared() {
        return SHARED;
    }

    public synchronized PostgresAddress database() {
        if (database == null) {
            database = start("PostgreSQL", TestInfrastructure::startDatabase);
        }
        return database;
    }

    /** Another database on the same server, for a test that must not share the common one. */
    public PostgresAddress separateDatabase(String purpose) {
        PostgresAddress common = database();
        String name = common.database() + "_" + purpose;
        return start("PostgreSQL database " + name, () -> {
            PostgresAddress server = common.withDatabase("postgres");
            PostgresAddress separate = Databases.createIfAbsent(server, name);
            if (System.getenv("HCC_TEST_DB_URL") != null
                    && !System.getenv("HCC_TEST_DB_URL").isBlank()) {
                onExit(() -> Databases.drop(server, name));
            }
            return separate;
        });
    }

    /**
     * Another database on the same server, marked as the local run's embedded one, for a test of the
     * {@code local} profile (which refuses any other).
     */
    public PostgresAddress localDatabase(String purpose) {
        PostgresAddress database = separateDatabase(purpose);
        start("marking of " + database.database(), () -> {
            Databases.markAsLocal(database.withDatabase("postgres"), database.database());
            return database;
        });
        return database;
    }

    public synchronized String redisUrl() {
        if (redisUrl == null) {
            redisUrl = start("Redis", TestInfrastructure::startRedis);
        }
        return redisUrl;
    }

    private static <T> T start(String what, StartAction<T> action) {
        try {
            return action.start();
        } catch (Exception failed) {
            throw new IllegalStateException("Could not start the test " + what, failed);
        }
    }

    @FunctionalInterface
    private interface StartAction<T> {
        T start() throws Exception;
    }

    /**
     * {@code HCC_DB_*}, {@code HCC_REDIS_URL} and the shared secrets ({@link TestSecrets}), as the
     * services' configuration reads them.
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(database().environment());
        environment.put("HCC_REDIS_URL", redisUrl());
        environment.putAll(TestSecrets.environment());
        return environment;
    }

    private static PostgresAddress startDatabase() throws Exception {
        String external = System.getenv("HCC_TEST_DB_URL");
        if (external == null || external.isBlank()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null);
            onExit(server);
            return Databases.createIfAbsent(server.address(), "hcc_test");
        }
        PostgresAddress serverAddress = PostgresAddress.parse(external);
        String name = "hcc_test_" + ProcessHandle.current().pid() + "_"
                + ThreadLocalRandom.current().nextInt(1_000_000);
        PostgresAddress database = Databases.createIfAbsent(serverAddress, name);
        onExit(() -> Databases.drop(serverAddress, name));
        return database;
    }

    private static String startRedis() throws Exception {
        String external = System.getenv("HCC_TEST_REDIS_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        EmbeddedRedisServer server = EmbeddedRedisServer.start(null);
        onExit(server);
        return server.url();
    }

    private static void onExit(AutoCloseable resource) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                resource.close();
                            } catch (Exception ignored) {
                                // the JVM is exiting; a server that does not stop dies with its temporary directory
                            }
                        },
                        "test-infrastructure-stop"));
    }
}
