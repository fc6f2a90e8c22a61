package vn.hanoi.hcc.bff.dossier.web;

import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.file;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The BFF checks each agent operation's scope itself, whatever the gateway let through: a key
 * with the wrong scopes is refused with a 403 problem naming the scope it lacks.
 */
class AgentScopesTest extends BffIntegrationTest {

    private static final Instant RECEIVED = Instant.now().minus(Duration.ofDays(1));

    private String client;
    private String agency;

    @BeforeEach
    void freshClient() {
        client = "agent-scopes-" + System.nanoTime();
        agency = DossierFixtures.freshAgency();
    }

    @Test
    void refusesAFilingWithoutDossiersWrite() {
        lacking(
                file(
                        agent("dossiers:read", "webhooks:write"),
                        dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5))),
                "dossiers:write");
    }

    @Test
    void refusesEventsWithoutDossiersWrite() {
        String code =
                (String) filed(agent("dossiers:write"), dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                        .get("code");
        WebTestClient readOnly = agent("dossiers:read");

        lacking(post(readOnly, code, event("evt-scope-1", 4, RECEIVED.plusSeconds(60))), "dossiers:write");
        Map<String, Object> batched = new HashMap<>(event("evt-scope-2", 4, RECEIVED.plusSeconds(60)));
        batched.put("code", code);
        lacking(
                readOnly.post()
                        .uri("/api/v1/agent/events:batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("events", List.of(batched)))
                        .exchange(),
                "dossiers:write");
    }

    @Test
    void refusesTheChangeFeedWithoutDossiersRead() {
        lacking(
                agent("dossiers:write", "webhooks:write")
                        .get()
                        .uri("/api/v1/agent/dossiers")
                        .exchange(),
                "dossiers:read");
    }

    @Test
    void refusesAWebhookWithoutWebhooksWrite() {
        lacking(
                agent("dossiers:read", "dossiers:write")
                        .put()
                        .uri("/api/v1/agent/webhook")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of(
                                "url",
                                "http://127.0.0.1:9/hooks/scopes",
                                "secret",
                                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                        .exchange(),
                "webhooks:write");
    }

    @Test
    void refusesPeopleAndAnonymousCallers() {
        as(TestIdentityTokens.ops("staff-scopes"))
                .get()
                .uri("/api/v1/agent/dossiers")
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/agent/dossiers")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient agent(String... scopes) {
        return as(TestIdentityTokens.agent(client, List.of(scopes), List.of(agency)));
    }

    private static void lacking(WebTestClient.ResponseSpec response, String scope) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/forbidden")
                .jsonPath("$.detail")
                .isEqualTo("This operation needs the scope " + scope);
    }
}
