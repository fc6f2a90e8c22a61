package vn.hanoi.hcc.bff.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** {@code PUT /api/v1/agent/webhook}: set, replaced, refused targets, and only for machine clients. */
class WebhookApiTest extends BffIntegrationTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Autowired
    DatabaseClient db;

    @Test
    void setsAndReplacesTheAgentsWebhookWithoutEverShowingTheSecret() {
        String client = "agent-webhook-" + System.nanoTime();
        WebTestClient agent = agent(client);

        put(agent, "http://127.0.0.1:9/hooks/hcc", SECRET)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("http://127.0.0.1:9/hooks/hcc")
                .jsonPath("$.secret")
                .doesNotExist();
        put(agent, "http://localhost:9/v2", SECRET)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("http://localhost:9/v2");

        assertThat(db.sql("SELECT url, secret FROM agent_webhook WHERE client_id = :client")
                        .bind("client", client)
                        .fetch()
                        .one()
                        .block())
                .containsEntry("url", "http://localhost:9/v2")
                .containsEntry("secret", SECRET);
    }

    @Test
    void refusesABadTargetOrSecretNamingTheField() {
        String client = "agent-webhook-bad-" + System.nanoTime();
        WebTestClient agent = agent(client);

        refused(put(agent, null, SECRET), "url");
        refused(put(agent, "not a url", SECRET), "url");
        refused(put(agent, "ftp://127.0.0.1/hooks", SECRET), "url");
        refused(put(agent, "http://10.0.0.5/hooks", SECRET), "url");
        refused(put(agent, "http://169.254.169.254/latest/meta-data", SECRET), "url");
        refused(put(agent, "http://[fd00::1]/hooks", SECRET), "url");
        refused(put(agent, "http://user:pass@127.0.0.1/hooks", SECRET), "url");
        refused(put(agent, "http://127.0.0.1/hooks", "not-a-secret"), "secret");
        refused(put(agent, "http://127.0.0.1/hooks", null), "secret");
        agent.put()
                .uri("/api/v1/agent/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(db.sql("SELECT count(*) AS n FROM agent_webhook WHERE client_id = :client")
                        .bind("client", client)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void keepsWebhooksToMachineClients() {
        put(as(TestIdentityTokens.citizen("001099012345")), "http://127.0.0.1:9/hooks", SECRET)
                .expectStatus()
                .isForbidden();
        put(as(TestIdentityTokens.ops("ops-webhooks")), "http://127.0.0.1:9/hooks", SECRET)
                .expectStatus()
                .isForbidden();
        put(web, "http://127.0.0.1:9/hooks", SECRET).expectStatus().isForbidden();
        put(aroundTheGateway(), "http://127.0.0.1:9/hooks", SECRET)
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient agent(String client) {
        return as(TestIdentityTokens.agent(client, List.of("dossiers:read", "webhooks:write")));
    }

    private static WebTestClient.ResponseSpec put(WebTestClient client, String url, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("secret", secret);
        return client.put()
                .uri("/api/v1/agent/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }
}
