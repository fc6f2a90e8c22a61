package vn.hanoi.hcc.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.webhook.RebindingResolver.address;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * DNS rebinding (API7): an agent registers a host that resolves to a public address, then makes it
 * resolve to the cluster's inside. The delivery must reach nothing there; the attempt fails with a
 * clear error and ends dead-lettered. Loopback stands for the inside: allowed in the test profile,
 * refused here as in production.
 */
@TestPropertySource(properties = "hcc.bff.webhooks.allow-loopback=false")
@Import(WebhookRebindingTest.AttackersDns.class)
class WebhookRebindingTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @TestConfiguration
    static class AttackersDns {

        @Bean
        @Primary
        RebindingResolver attackersDns() {
            return new RebindingResolver();
        }
    }

    @Autowired
    RebindingResolver dns;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    DatabaseClient db;

    @Test
    void aHostReboundToAPrivateAddressAfterRegistrationReceivesNothingAndEndsDead() {
        AtomicInteger reached = new AtomicInteger();
        DisposableServer inside = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .doOnConnection(connection -> reached.incrementAndGet())
                .handle((request, response) -> response.status(204).send())
                .bindNow();
        try {
            // "localhost": were the delivery to resolve it on its own, it would find 127.0.0.1 and reach inside
            dns.then("localhost", address("93.184.216.34")).then("localhost", address("127.0.0.1"));
            String client = "agent-rebinding-" + System.nanoTime();
            String agency = DossierFixtures.freshAgency();
            WebTestClient agent =
                    as(TestIdentityTokens.agent(client, List.of("dossiers:write", "webhooks:write"), List.of(agency)));
            agent.put()
                    .uri("/api/v1/agent/webhook")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "url",
                            "http://localhost:" + inside.port() + "/hooks",
                            "secret",
                            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            String code = (String) filed(agent, dossier(agency, "001499999999", RECEIVED, Duration.ofDays(5)))
                    .get("code");
            applied(agent, code, event("rebind-1", 4, RECEIVED.plus(Duration.ofHours(1))));

            dispatcher.drain().block(Duration.ofSeconds(30));

            assertThat(reached).as("connections to the inside").hasValue(0);
            JsonNode message = opsView(client, code);
            assertThat(message.path("state").asString()).isEqualTo("pending");
            assertThat(message.path("lastError").asString()).isEqualTo(WebhookTargetRefusedException.LAST_ERROR);

            db.sql("UPDATE webhook_message SET window_started_at = now() - interval '25 hours', next_attempt_at = now()"
                            + " WHERE dossier_code = :code")
                    .bind("code", code)
                    .fetch()
                    .rowsUpdated()
                    .block();
            dispatcher.drain().block(Duration.ofSeconds(30));

            assertThat(reached).hasValue(0);
            assertThat(opsView(client, code).path("state").asString()).isEqualTo("dead");
        } finally {
            inside.disposeNow();
        }
    }

    private JsonNode opsView(String client, String code) {
        String body = as(TestIdentityTokens.ops("staff-rebinding"))
                .get()
                .uri("/api/v1/ops/webhook-messages?clientId={client}&dossierCode={code}", client, code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode messages = JsonMapper.builder().build().readTree(body);
        assertThat(messages).hasSize(1);
        assertThat(body).doesNotContain("localhost", "whsec_");
        return messages.get(0);
    }
}
