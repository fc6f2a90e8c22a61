package vn.hanoi.hcc.bff.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.ProductionPool;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * The BFF's R2DBC connection factory, built by Spring Boot from config/mobile-bff in the {@code prod}
 * profile, through PgBouncer in transaction mode with two server connections (k8s/base/pooler.yaml):
 * the repositories' parameterised queries run concurrently without "prepared statement" errors (and,
 * to show the test can fail, the driver's default statement cache does not), and the change feed's
 * snapshot read answers through the pooler exactly as it does straight to PostgreSQL. Skipped where
 * pgbouncer is not installed, except in CI ({@code CI=true}), where that fails.
 */
class PgBouncerTransactionModeTest {

    private static final PostgresAddress DIRECT = TestInfrastructure.shared().separateDatabase("pgbouncer");
    private static final int SERVER_CONNECTIONS = 2;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static PgBouncerProcess bouncer;

    @BeforeAll
    static void startPgBouncer(@TempDir Path directory) throws Exception {
        Optional<Path> executable = PgBouncerProcess.executable();
        if (executable.isEmpty()) {
            String why =
                    "pgbouncer is not installed (apt-get install pgbouncer): the BFF through PgBouncer is untested";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        // as production migrates: straight to PostgreSQL, not through the pooler
        Flyway.configure()
                .dataSource(DIRECT.jdbcUrl(), DIRECT.user(), DIRECT.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        FeedRows.pointAndDossiers(DIRECT);
        bouncer = PgBouncerProcess.start(executable.get(), DIRECT, SERVER_CONNECTIONS, directory);
    }

    @AfterAll
    static void stopPgBouncer() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @Test
    void runsTheRepositoriesQueriesConcurrentlyOnTwoServerConnections() {
        FeedRows.committedEvents(DIRECT, "storm", 20);
        withBff(
                bouncer.port(),
                List.of(),
                pooled -> withBff(DIRECT.port(), List.of(), direct -> {
                    List<Storm.Answer> expected =
                            Storm.answers(direct).collectList().block(PATIENCE);
                    List<Storm.Answer> answers =
                            Storm.answers(pooled).collectList().block(PATIENCE);
                    assertThat(answers)
                            .hasSize(Storm.QUERIES)
                            .doesNotContainNull()
                            .isEqualTo(expected);
                }));
    }

    @Test
    void theDriversDefaultStatementCacheBreaksThroughThePooler() {
        FeedRows.committedEvents(DIRECT, "cached", 20);
        withBff(bouncer.port(), List.of("spring.r2dbc.properties.preparedStatementCacheQueries=-1"), pooled -> {
            List<String> failures = new ArrayList<>();
            Storm.answers(pooled)
                    .onErrorResume(failed -> {
                        failures.add(String.valueOf(NestedExceptionUtils.getMostSpecificCause(failed)
                                .getMessage()));
                        return Mono.empty();
                    })
                    .then()
                    .block(PATIENCE);
            assertThat(failures).as("the failure, in target/surefire-reports").hasSize(1);
            assertThat(failures.get(0)).containsPattern("prepared statement \"S_\\d+\"");
        });
    }

    @Test
    void readsTheChangeFeedThroughThePoolerAsStraightFromPostgres() {
        withBff(
                bouncer.port(),
                List.of(),
                pooled -> withBff(DIRECT.port(), List.of(), direct -> {
                    FeedPair feeds = new FeedPair(pooled, direct, FeedRows.SNAPSHOT_CLIENT);
                    FeedRows.snapshotScenario(DIRECT, feeds::settlesOn);
                }));
    }

    /** Runs the check with the BFF's connection factory, as the prod profile builds it, at this port. */
    private static void withBff(int port, List<String> overrides, Consumer<DatabaseClient> check) {
        ProductionPool.with(DIRECT, port, overrides, check);
    }

    /** The feed read through the pooler and directly, for one client. */
    record FeedPair(DatabaseClient pooled, DatabaseClient direct, String client) {

        /** Waits (bounded) until both feeds answer these event ids, and checks they agree on everything. */
        void settlesOn(List<String> eventIds) {
            List<DossierFeedRepository.Positioned> throughPooler = List.of();
            List<DossierFeedRepository.Positioned> straight = List.of();
            for (int attempt = 0; attempt < 50; attempt++) {
                throughPooler = read(pooled);
                straight = read(direct);
                if (ids(throughPooler).equals(eventIds) && ids(straight).equals(eventIds)) {
                    break;
                }
                sleep();
            }
            assertThat(ids(throughPooler)).as("through PgBouncer").isEqualTo(eventIds);
            assertThat(throughPooler).as("through PgBouncer as directly").isEqualTo(straight);
        }

        private List<DossierFeedRepository.Positioned> read(DatabaseClient db) {
            return new DossierFeedRepository(db)
                    .findAfter(FeedCursor.START, client, 100)
                    .collectList()
                    .block(PATIENCE);
        }

        private static List<String> ids(List<DossierFeedRepository.Positioned> page) {
            return page.stream().map(positioned -> positioned.item().eventId()).toList();
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /** Many concurrent queries of the repositories' SQL, in two feed shapes and two dossier ones. */
    static final class Storm {

        static final int QUERIES = 400;

        /** What one query answered, comparable between two runs. */
        record Answer(int query, List<?> rows) {}

        static Flux<Answer> answers(DatabaseClient db) {
            DossierFeedRepository feed = new DossierFeedRepository(db);
            DossierRepository dossiers = new DossierRepository(db);
            return Flux.range(0, QUERIES)
                    .flatMapSequential(query -> one(feed, dossiers, query).map(rows -> new Answer(query, rows)), 64);
        }

        private static Mono<List<?>> one(DossierFeedRepository feed, DossierRepository dossiers, int query) {
            FeedCursor after = new FeedCursor("0", query % 7);
            return switch (query % 4) {
                case 0 ->
                    feed.findAfter(after, null, 1 + query % 5).collectList().map(List::copyOf);
                case 1 ->
                    feed.findAfter(after, "agent-storm", 1 + query % 5)
                            .collectList()
                            .map(List::copyOf);
                case 2 -> dossiers.findRecord(FeedRows.dossierCode(query % 3)).map(List::of);
                default -> dossiers.timeline(1 + query % 3).collectList().map(List::copyOf);
            };
        }
    }
}
