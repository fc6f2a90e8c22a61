package vn.hanoi.hcc.bff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.hanoi.hcc.bff.ProductionPool;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * The BFF's R2DBC pool, as Spring Boot builds it from config/mobile-bff in the {@code prod} profile,
 * when the network silently drops its open connections (half-open: neither end told). Each
 * connection handed out is validated first ({@code SELECT 1}); with a deadline on that check
 * ({@code max-validation-time}) a silent connection fails it and is thrown away, and new connections
 * take over within seconds. Without one, the check outlives the acquisition's own deadline, whose
 * cancel hands the silent connection back to the pool, and every query fails until the kernel gives
 * up on the socket (minutes to hours).
 */
class HalfOpenConnectionsTest {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().database();

    @Test
    void silentConnectionsAreThrownAwayAtTheirCheckAndQueriesAnswerAgainWithinSeconds() throws IOException {
        try (SilentProxy network = new SilentProxy(DATABASE.port())) {
            withPool(network, List.of(), db -> {
                int opened = warmUp(db, network);
                network.silenceOpenConnections();

                List<Boolean> answered = queries(db, opened + 3);

                // a query that fails has thrown away two silent connections: the one it drew and the
                // one the pool's retry drew
                int failed = answered.indexOf(true);
                assertThat(failed)
                        .as("queries failed before one answered: %s", answered)
                        .isBetween(0, (opened + 1) / 2);
                assertThat(answered.subList(failed, answered.size())).containsOnly(true);
                assertThat(network.connectionsOpened()).as("new connections").isGreaterThan(opened);
            });
        }
    }

    @Test
    void withoutADeadlineOnTheCheckTheSilentConnectionsStayAndEveryQueryFails() throws IOException {
        try (SilentProxy network = new SilentProxy(DATABASE.port())) {
            withPool(network, List.of("spring.r2dbc.pool.max-validation-time=-1ms"), db -> {
                warmUp(db, network);
                network.silenceOpenConnections();

                assertThat(queries(db, 3)).containsOnly(false);
            });
        }
    }

    /** A first query, which opens the pool's initial connections: how many it opened. */
    private static int warmUp(DatabaseClient db, SilentProxy network) {
        assertThat(queries(db, 1)).containsOnly(true);
        assertThat(network.connectionsOpened()).isPositive();
        return network.connectionsOpened();
    }

    /** Whether each of {@code count} queries, one after the other, answered. */
    private static List<Boolean> queries(DatabaseClient db, int count) {
        List<Boolean> answered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                answered.add(db.sql("SELECT 1 AS one")
                                .map(row -> row.get("one", Integer.class))
                                .one()
                                .block(Duration.ofSeconds(20))
                        == 1);
            } catch (RuntimeException failed) {
                answered.add(false);
            }
        }
        return answered;
    }

    /** The check, with the BFF's production pool on this relay; the relay closes before the pool does. */
    private static void withPool(SilentProxy network, List<String> overrides, Consumer<DatabaseClient> check) {
        ProductionPool.with(DATABASE, network.port(), overrides, db -> {
            try {
                check.accept(db);
            } finally {
                try {
                    network.close();
                } catch (IOException unclosable) {
                    throw new UncheckedIOException(unclosable);
                }
            }
        });
    }
}
