package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The same 1,000 events applied twice give the same state as applied once; applied shuffled (the
 * refused ones sent again, as a client would) they give the same state as in order.
 */
class IdempotentReplayTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
    private static final int[][] PATHS = {{4, 9, 10}, {9, 10}, {4, 8}, {7}, {4, 9}, {4, 7}, {3}};

    @Autowired
    DatabaseClient db;

    @Test
    void replaysChangeNothingAndShufflingChangesNothingInTheEnd() {
        // Batches of 500 events: what they change is the subject here, not how long they take, and on a
        // busy shared machine one took longer than the client's default 5 s (the request was cancelled).
        // For the same reason its one token lives ten minutes: the gateway's live one, and with the CPU
        // taken by two busy loops the test ran 70 s, so that a filing sent with an expired one got 401.
        WebTestClient system = as(TestIdentityTokens.system("city-replay-" + System.nanoTime(), Duration.ofMinutes(10)))
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        String agency = DossierFixtures.freshAgency();
        List<List<Map<String, Object>>> inOrder = new ArrayList<>();
        List<List<Map<String, Object>>> toShuffle = new ArrayList<>();
        int events = 0;
        for (int i = 0; events < 1_000; i++) {
            int[] path = PATHS[i % PATHS.length];
            int initial = path[0] == 3 ? 1 : 2;
            inOrder.add(eventsFor(system, agency, "a" + i, path, initial));
            toShuffle.add(eventsFor(system, agency, "b" + i, path, initial));
            events += path.length;
        }
        List<Map<String, Object>> all = inOrder.stream().flatMap(List::stream).toList();

        sendAll(system, all);
        List<String> once = states(inOrder);
        Map<String, Object> second = sendAll(system, all);
        List<String> twice = states(inOrder);
        List<Map<String, Object>> shuffled =
                new ArrayList<>(toShuffle.stream().flatMap(List::stream).toList());
        Collections.shuffle(shuffled, new Random(20251122));
        for (int round = 0; round < 10 && !shuffled.isEmpty(); round++) {
            shuffled = refusedOf(shuffled, sendAll(system, shuffled));
        }

        assertThat(all).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(second).containsEntry("refused", 0);
        assertThat(twice).isEqualTo(once);
        assertThat(shuffled).isEmpty();
        assertThat(states(toShuffle)).isEqualTo(once);
    }

    /** A dossier and its events, in order, an hour apart. */
    private static List<Map<String, Object>> eventsFor(
            WebTestClient system, String agency, String name, int[] path, int initial) {
        Map<String, Object> dossier = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(15));
        dossier.put("channel", initial == 1 ? "online" : "counter");
        String code = (String) filed(system, dossier).get("code");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int step = 0; step < path.length; step++) {
            Map<String, Object> event =
                    new HashMap<>(event(name + "-" + step, path[step], RECEIVED.plus(Duration.ofHours(step + 1L))));
            event.put("code", code);
            events.add(event);
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sendAll(WebTestClient system, List<Map<String, Object>> events) {
        Map<String, Object> total = new HashMap<>(Map.of("refused", 0, "results", new ArrayList<>()));
        for (int from = 0; from < events.size(); from += 500) {
            List<Map<String, Object>> slice = events.subList(from, Math.min(from + 500, events.size()));
            Map<String, Object> answer = system.post()
                    .uri("/api/v1/agent/events:batch")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("events", slice))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JSON)
                    .returnResult()
                    .getResponseBody();
            total.put("refused", (Integer) total.get("refused") + (Integer) answer.get("refused"));
            int offset = from;
            ((List<Map<String, Object>>) answer.get("results")).forEach(result -> {
                Map<String, Object> shifted = new HashMap<>(result);
                shifted.put("index", (Integer) result.get("index") + offset);
                ((List<Map<String, Object>>) total.get("results")).add(shifted);
            });
        }
        return total;
    }

    /** The events refused because they came too early (409); any other refusal fails the test. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> refusedOf(List<Map<String, Object>> sent, Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("results"))
                .stream()
                        .filter(result -> "refused".equals(result.get("result")))
                        .peek(result -> assertThat(((Map<String, Object>) result.get("problem")).get("status"))
                                .as("only out-of-order transitions may be refused")
                                .isEqualTo(409))
                        .map(result -> sent.get((Integer) result.get("index")))
                        .toList();
    }

    /**
     * Each dossier's state and timeline, comparable across the two sets (codes left out; whether an
     * entry moved the status or arrived late only says in which order the events came).
     */
    private List<String> states(List<List<Map<String, Object>>> dossiers) {
        return dossiers.stream()
                .map(events -> {
                    String code = (String) events.get(0).get("code");
                    return db.sql("""
                    SELECT d.status, d.status_at, d.due_at, d.finished_at, d.version,
                           string_agg(coalesce(e.status::text, '-') || '@' || e.occurred_at, ','
                                      ORDER BY e.occurred_at, e.status) AS timeline
                    FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id WHERE d.code = :code
                    GROUP BY d.id""")
                            .bind("code", code)
                            .map(row -> row.get("status", Short.class) + "|" + row.get("status_at", Instant.class) + "|"
                                    + row.get("due_at", Instant.class) + "|" + row.get("finished_at", Instant.class)
                                    + "|"
                                    + row.get("version", Long.class) + "|" + row.get("timeline", String.class))
                            .one()
                            .block();
                })
                .toList();
    }
}
