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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class BatchAndFeedApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    private WebTestClient agent;
    private String agency;

    @BeforeEach
    void client() {
        agency = DossierFixtures.freshAgency();
        agent = as(TestIdentityTokens.agent(
                "agent-batch-" + System.nanoTime(), List.of("dossiers:write", "dossiers:read"), List.of(agency)));
    }

    @Test
    void answersEveryEventOfABatchOnItsOwn() {
        String a = code();
        String b = code();
        List<Map<String, Object>> events = List.of(
                batched(a, event("a-1", 4, at(1))),
                batched(b, event("b-1", 10, at(1))),
                batched(a, event("a-2", 9, at(2))),
                batched("H26.99-251120-9999", event("x-1", 4, at(1))),
                batched(b, event("b-2", 42, at(1))),
                batched(a, event("a-1", 4, at(1))));

        Map<String, Object> answer = batch(events)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) answer.get("results");
        assertThat(results).extracting(result -> result.get("index")).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(results)
                .extracting(result -> result.get("result"))
                .containsExactly("applied", "refused", "applied", "refused", "refused", "replayed");
        assertThat(problemStatus(results.get(1))).isEqualTo(409);
        assertThat(problemStatus(results.get(3))).isEqualTo(404);
        assertThat(problemStatus(results.get(4))).isEqualTo(400);
        assertThat(results.get(2)).containsEntry("status", 9);
        assertThat(answer).containsEntry("applied", 3).containsEntry("refused", 3);
    }

    @Test
    void refusesAnEmptyOrOversizedBatch() {
        batch(List.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("events");
        String code = code();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(batched(code, event("e-" + i, 4, at(1))));
        }
        batch(tooMany)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("events");
    }

    @Test
    void appliesAFullBatchOf500InBoundedTransactions() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            codes.add(code());
        }
        List<Map<String, Object>> events = new ArrayList<>();
        int[] path = {4, 9, 10, 10};
        for (String code : codes) {
            for (int step = 0; step < 4; step++) {
                events.add(batched(
                        code, event(code + "-" + step, path[step] == 10 && step == 3 ? 10 : path[step], at(step + 1))));
            }
        }

        Map<String, Object> answer = batch(events)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        // the fourth event repeats status 10 from 10: refused, the three before it applied
        assertThat(answer).containsEntry("applied", 375).containsEntry("refused", 125);
    }

    @Test
    void feedsEveryChangeOnceAndOnlyTheAgentsOwn() {
        String mine = code();
        WebTestClient other = as(TestIdentityTokens.agent(
                "agent-feed-other", List.of("dossiers:write", "dossiers:read"), List.of(agency)));
        filed(other, dossier(agency, "001099000001", RECEIVED, Duration.ofDays(5)));
        DossierFixtures.applied(agent, mine, event("m-1", 4, at(1)));
        DossierFixtures.applied(agent, mine, event("m-2", 9, at(2)));

        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> answer = feed(agent, cursor, 2);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            seen.addAll(items);
            cursor = (String) answer.get("next");
            if (!(Boolean) answer.get("hasMore")) {
                break;
            }
        }

        assertThat(seen).extracting(item -> item.get("code")).containsOnly(mine);
        assertThat(seen).extracting(item -> item.get("kind")).containsExactly("FILED", "STATUS", "STATUS");
        assertThat(seen).extracting(item -> item.get("statusAfter")).containsExactly(2, 4, 9);
        assertThat(feed(agent, cursor, 10).get("items")).asList().isEmpty();
    }

    @Test
    void refusesAForgedCursorOrAnOddLimit() {
        agent.get()
                .uri("/api/v1/agent/dossiers?updatedSince=not-a-cursor")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("updatedSince");
        agent.get()
                .uri("/api/v1/agent/dossiers?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("limit");
        agent.get()
                .uri("/api/v1/agent/dossiers?limit=501")
                .exchange()
                .expectStatus()
                .isBadRequest();
        agent.get()
                .uri("/api/v1/agent/dossiers?limit=ten")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void keepsTheFeedFromPeopleAndTheAnonymous() {
        as(TestIdentityTokens.citizen("001099012345"))
                .get()
                .uri("/api/v1/agent/dossiers")
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get().uri("/api/v1/agent/dossiers").exchange().expectStatus().isForbidden();
    }

    private Map<String, Object> feed(WebTestClient client, String cursor, int limit) {
        return client.get()
                .uri(builder -> builder.path("/api/v1/agent/dossiers")
                        .queryParam("limit", limit)
                        .queryParamIfPresent("updatedSince", java.util.Optional.ofNullable(cursor))
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec batch(List<Map<String, Object>> events) {
        // 500 events take well under a second here, but far longer when the machine is busy
        return agent.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri("/api/v1/agent/events:batch")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("events", events))
                .exchange();
    }

    private String code() {
        return (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
    }

    private static Map<String, Object> batched(String code, Map<String, Object> event) {
        Map<String, Object> batched = new HashMap<>(event);
        batched.put("code", code);
        return batched;
    }

    private static Instant at(int hours) {
        return RECEIVED.plus(Duration.ofHours(hours));
    }

    @SuppressWarnings("unchecked")
    private static int problemStatus(Map<String, Object> result) {
        return (Integer) ((Map<String, Object>) result.get("problem")).get("status");
    }
}
