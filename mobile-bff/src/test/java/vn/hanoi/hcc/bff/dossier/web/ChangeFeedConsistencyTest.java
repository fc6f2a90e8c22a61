package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** The change feed's cursor never skips or repeats a change, whatever order transactions commit in. */
class ChangeFeedConsistencyTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void neverPassesAChangeWhoseTransactionCommitsLate() throws Exception {
        String client = "agent-late-" + System.nanoTime();
        String agency = DossierFixtures.freshAgency();
        WebTestClient agent =
                as(TestIdentityTokens.agent(client, List.of("dossiers:write", "dossiers:read"), List.of(agency)));
        String slowOne = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        String fastOne = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        Page start = page(agent, null);

        try (Connection slow = connect()) {
            slow.setAutoCommit(false);
            insertEvent(slow, slowOne, client, "slow-writer"); // its transaction began first...
            DossierFixtures.applied(agent, fastOne, event("fast-writer", 4, RECEIVED.plus(Duration.ofHours(1))));

            Page whileRunning = page(agent, start.next()); // ...and has not committed: nothing may pass it
            assertThat(whileRunning.eventIds()).isEmpty();
            slow.commit();
        }

        Page after = page(agent, start.next());
        assertThat(after.eventIds()).containsExactly("slow-writer", "fast-writer");
    }

    @Test
    void seesEveryChangeOfConcurrentWritersExactlyOnce() throws Exception {
        String client = "agent-busy-" + System.nanoTime();
        String agency = DossierFixtures.freshAgency();
        WebTestClient agent =
                as(TestIdentityTokens.agent(client, List.of("dossiers:write", "dossiers:read"), List.of(agency)));
        Page start = page(agent, null);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add((String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                    .get("code"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = start.next();

        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (String code : codes) {
            done.add(writers.submit(() -> {
                int[] path = {4, 5, 4, 6, 4, 9, 10};
                for (int step = 0; step < path.length; step++) {
                    DossierFixtures.applied(
                            agent,
                            code,
                            event(code + "/" + step, path[step], RECEIVED.plus(Duration.ofMinutes(10L * (step + 1)))));
                }
            }));
        }
        while (done.stream().anyMatch(future -> !future.isDone())) {
            Page page = page(agent, cursor);
            seen.addAll(page.eventIds());
            cursor = page.next();
        }
        writers.shutdown();
        for (Future<?> writer : done) {
            writer.get();
        }
        for (Page page = page(agent, cursor); !page.eventIds().isEmpty(); page = page(agent, cursor)) {
            seen.addAll(page.eventIds());
            cursor = page.next();
        }

        Set<String> expected = new HashSet<>();
        codes.forEach(code -> {
            for (int step = 0; step < 7; step++) {
                expected.add(code + "/" + step);
            }
        });
        List<String> ofThisTest =
                seen.stream().filter(id -> !id.startsWith("filed:")).toList();
        assertThat(ofThisTest).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ofThisTest)).isEqualTo(expected);
    }

    private record Page(List<String> eventIds, String next) {}

    @SuppressWarnings("unchecked")
    private static Page page(WebTestClient agent, String cursor) {
        Map<String, Object> answer = agent.get()
                .uri(builder -> builder.path("/api/v1/agent/dossiers")
                        .queryParam("limit", 500)
                        .queryParamIfPresent("updatedSince", Optional.ofNullable(cursor))
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        return new Page(items.stream().map(item -> (String) item.get("eventId")).toList(), (String) answer.get("next"));
    }

    /** A timeline entry written by hand in a transaction the test holds open. */
    private static void insertEvent(Connection connection, String code, String client, String eventId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dossier_event (dossier_id, filed_by_client, client_id, event_id, kind, status, occurred_at,
                    applied, status_after, due_after, version_after, fingerprint)
                SELECT id, filed_by_client, ?, ?, 'STATUS', 2, received_at, false, status, due_at, version, repeat('0', 64)
                FROM dossier WHERE code = ?
                """)) {
            insert.setString(1, client);
            insert.setString(2, eventId);
            insert.setString(3, code);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection connect() throws SQLException {
        PostgresAddress database = TestInfrastructure.shared().database();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
