package vn.hanoi.hcc.bff.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.bff.webhook.WebhookDispatcher;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Status changes of an agent's dossiers reach its webhook: signed, in order, retried, dead-lettered after 24 h. */
class WebhookDeliveryTest extends BffIntegrationTest {

    private static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("a-webhook-secret-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));
    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    /** The agency this test's agent files for (its key names it). */
    private static final String AGENCY = DossierFixtures.freshAgency();

    /** One delivery as the receiver got it. */
    record Delivery(String id, String timestamp, String signature, String body) {}

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private DisposableServer receiver;
    private WebTestClient agent;
    private String client;

    @BeforeEach
    void receiverAndAgent() {
        receiver = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            deliveries.add(new Delivery(
                                    request.requestHeaders().get("webhook-id"),
                                    request.requestHeaders().get("webhook-timestamp"),
                                    request.requestHeaders().get("webhook-signature"),
                                    body));
                            int status = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 503 : 204;
                            return response.status(status).send().then();
                        }))
                .bindNow();
        client = "agent-hooks-" + System.nanoTime();
        agent = as(TestIdentityTokens.agent(
                client, List.of("dossiers:read", "dossiers:write", "webhooks:write"), List.of(AGENCY)));
        agent.put()
                .uri("/api/v1/agent/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hooks", "secret", SECRET))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @AfterEach
    void stopReceiver() {
        receiver.disposeNow();
    }

    @Test
    void deliversEachStatusChangeSignedAndInOrder() throws Exception {
        String code = file();
        applied(agent, code, event("w-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        applied(agent, code, event("w-2", 9, RECEIVED.plus(Duration.ofHours(2))));

        assertThat(dispatcher.drain().block(Duration.ofSeconds(30))).isEqualTo(2L);

        List<Delivery> got = List.copyOf(deliveries);
        assertThat(got).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode first = json.readTree(got.get(0).body());
        assertThat(first.path("type").asString()).isEqualTo("dossier.status_changed");
        assertThat(first.path("data").path("code").asString()).isEqualTo(code);
        assertThat(first.path("data").path("status").asInt()).isEqualTo(4);
        assertThat(json.readTree(got.get(1).body()).path("data").path("status").asInt())
                .isEqualTo(9);
        assertThat(got.get(0).body()).doesNotContain("Nguyễn", "0014");
        for (Delivery delivery : got) {
            assertThat(delivery.signature()).isEqualTo(expectedSignature(delivery));
            // and the reference implementation accepts it as a receiver would
            new Webhook(SECRET)
                    .verify(
                            delivery.body(),
                            Map.of(
                                    "webhook-id",
                                    List.of(delivery.id()),
                                    "webhook-timestamp",
                                    List.of(delivery.timestamp()),
                                    "webhook-signature",
                                    List.of(delivery.signature())));
            assertThat(Long.parseLong(delivery.timestamp()))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        }
        assertThat(states(code)).containsExactly("delivered", "delivered");
    }

    @Test
    void holdsTheNextChangeUntilTheOneBeforeIsDeliveredAndKeepsItsId() {
        failuresToGive.set(1);
        String code = file();
        applied(agent, code, event("o-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        applied(agent, code, event("o-2", 9, RECEIVED.plus(Duration.ofHours(2))));

        dispatcher.drain().block(Duration.ofSeconds(30));
        assertThat(deliveries).hasSize(1);
        assertThat(states(code)).containsExactly("pending", "pending");

        db.sql("UPDATE webhook_message SET next_attempt_at = now() WHERE dossier_code = :code")
                .bind("code", code)
                .fetch()
                .rowsUpdated()
                .block();
        dispatcher.drain().block(Duration.ofSeconds(30));

        List<Delivery> got = List.copyOf(deliveries);
        assertThat(got)
                .extracting(Delivery::id)
                .containsExactly(got.get(0).id(), got.get(0).id(), got.get(2).id());
        assertThat(got.get(2).body()).contains("\"status\":9");
        assertThat(states(code)).containsExactly("delivered", "delivered");
    }

    @Test
    void deadLettersAChangeStillUndeliveredADayLater() {
        double before = meters.counter("hcc.webhook.dead.lettered").count();
        failuresToGive.set(100);
        String code = file();
        applied(agent, code, event("d-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        db.sql("UPDATE webhook_message SET window_started_at = now() - interval '25 hours' WHERE dossier_code = :code")
                .bind("code", code)
                .fetch()
                .rowsUpdated()
                .block();

        dispatcher.drain().block(Duration.ofSeconds(30));

        assertThat(states(code)).containsExactly("dead");
        assertThat(meters.counter("hcc.webhook.dead.lettered").count()).isEqualTo(before + 1);
    }

    @Test
    void opsSeeADeadLetterAndSendItAgainWithAFreshWindow() {
        failuresToGive.set(100);
        String code = file();
        applied(agent, code, event("r-1", 9, RECEIVED.plus(Duration.ofHours(1))));
        db.sql("UPDATE webhook_message SET window_started_at = now() - interval '25 hours' WHERE dossier_code = :code")
                .bind("code", code)
                .fetch()
                .rowsUpdated()
                .block();
        dispatcher.drain().block(Duration.ofSeconds(30));
        WebTestClient ops = as(TestIdentityTokens.ops("staff-hooks"));

        JsonNode dead = JsonMapper.builder()
                .build()
                .readTree(ops.get()
                        .uri(
                                "/api/v1/ops/webhook-messages?state=dead&clientId={client}&dossierCode={code}",
                                client,
                                code)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
        assertThat(dead).hasSize(1);
        JsonNode message = dead.get(0);
        assertThat(message.path("type").asString()).isEqualTo("dossier.status_changed");
        assertThat(message.path("status").asInt()).isEqualTo(9);
        assertThat(message.path("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(message.toString()).doesNotContain("whsec_", "127.0.0.1");
        long id = message.path("id").asLong();

        failuresToGive.set(0);
        ops.post()
                .uri("/api/v1/ops/webhook-messages/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        ops.post()
                .uri("/api/v1/ops/webhook-messages/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType("application/problem+json");
        dispatcher.drain().block(Duration.ofSeconds(30));
        assertThat(states(code)).containsExactly("delivered");
        assertThat(deliveries).last().extracting(Delivery::body).asString().contains("\"status\":9");
    }

    @Test
    void refusesMalformedOpsQueriesAndEveryoneButOps() {
        WebTestClient ops = as(TestIdentityTokens.ops("staff-hooks"));
        ops.post()
                .uri("/api/v1/ops/webhook-messages/{id}/retry", Long.MAX_VALUE)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType("application/problem+json");
        ops.post()
                .uri("/api/v1/ops/webhook-messages/0/retry")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("id");
        ops.get()
                .uri("/api/v1/ops/webhook-messages?state=sent")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("state");
        ops.get()
                .uri("/api/v1/ops/webhook-messages?clientId=a b")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("clientId");
        ops.get()
                .uri("/api/v1/ops/webhook-messages?dossierCode=';--")
                .exchange()
                .expectStatus()
                .isBadRequest();
        ops.get()
                .uri("/api/v1/ops/webhook-messages?limit=1001")
                .exchange()
                .expectStatus()
                .isBadRequest();
        agent.get()
                .uri("/api/v1/ops/webhook-messages")
                .exchange()
                .expectStatus()
                .isForbidden();
        as(TestIdentityTokens.citizen("001499999999"))
                .post()
                .uri("/api/v1/ops/webhook-messages/1/retry")
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get().uri("/api/v1/ops/webhook-messages").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void announcesALaterDueTimeAsItsOwnType() throws Exception {
        String code = file();
        Instant newDue = RECEIVED.plus(Duration.ofDays(9));
        applied(
                agent,
                code,
                Map.of(
                        "eventId",
                        "w-due",
                        "occurredAt",
                        RECEIVED.plus(Duration.ofHours(1)).toString(),
                        "dueAt",
                        newDue.toString(),
                        "reason",
                        "Cần xác minh thêm"));

        assertThat(dispatcher.drain().block(Duration.ofSeconds(30))).isEqualTo(1L);

        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(List.copyOf(deliveries).get(0).body());
        assertThat(body.path("type").asString()).isEqualTo("dossier.due_extended");
        assertThat(body.path("data").path("dueAt").asString()).isEqualTo(newDue.toString());
        assertThat(body.path("data").path("eventId").asString()).isEqualTo("w-due");
    }

    @Test
    void announcesNothingForADossierOfAClientWithoutAWebhook() {
        WebTestClient system = as(TestIdentityTokens.system("city-no-webhook"));
        String code = (String)
                filed(system, dossier(DossierFixtures.freshAgency(), "001499999999", RECEIVED, Duration.ofDays(5)))
                        .get("code");
        applied(system, code, event("n-1", 4, RECEIVED.plus(Duration.ofHours(1))));

        assertThat(states(code)).isEmpty();
    }

    private String file() {
        return (String) filed(agent, dossier(AGENCY, "001499999999", RECEIVED, Duration.ofDays(5)))
                .get("code");
    }

    private List<String> states(String code) {
        return db.sql("SELECT state FROM webhook_message WHERE dossier_code = :code ORDER BY id")
                .bind("code", code)
                .map(row -> row.get("state", String.class))
                .all()
                .collectList()
                .block();
    }

    private static String expectedSignature(Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                                .getBytes(StandardCharsets.UTF_8)));
    }
}
