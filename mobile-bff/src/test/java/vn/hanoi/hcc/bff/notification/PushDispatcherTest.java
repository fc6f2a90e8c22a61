package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.bff.outbox.Backlog;
import vn.hanoi.hcc.bff.outbox.OutboxTracing;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The dispatcher on the real outbox and the real Firebase Admin SDK, FCM faked behind the SDK's
 * transport: exactly one message per device, every outcome recorded, safe with two dispatchers and
 * with one that dies after claiming.
 */
@Import(PushDispatcherTest.FakeFcmConfiguration.class)
@TestPropertySource(
        properties = {
            "hcc.bff.push.firebase.project-id=test-project",
            "hcc.bff.push.batch-size=100",
            "management.opentelemetry.tracing.export.schedule-delay=50ms"
        })
@ExtendWith(OutputCaptureExtension.class)
class PushDispatcherTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    @TestConfiguration(proxyBeanMethods = false)
    static class FakeFcmConfiguration {

        @Bean
        FakeFcm fakeFcm() {
            return new FakeFcm();
        }

        @Bean
        GoogleCredentials firebaseCredentials() {
            return FakeFcm.credentials();
        }

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    FakeFcm fcm;

    @Autowired
    PushDispatcher dispatcher;

    @Autowired
    PushMessageRepository outbox;

    @Autowired
    PushSender sender;

    @Autowired
    PushProperties properties;

    @Autowired
    ReminderProperties reminders;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxTracing tracing;

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    DatabaseClient db;

    @Autowired
    DevicePruner pruner;

    private String citizen;
    private String run;

    @BeforeEach
    void fresh() {
        fcm.reset();
        citizen = "0013" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        run = Long.toHexString(System.nanoTime());
    }

    @Test
    void usesTheRealSdkThroughItsTransport() {
        assertThat(sender).isInstanceOf(FcmPushSender.class);
        assertThat((HttpTransport) fcm).isNotNull();
    }

    @Test
    void deliversAReadyResultOnceToEveryDeviceOfItsOwner() {
        String phone = token("phone");
        String tablet = token("tablet");
        register(phone, "vi");
        register(tablet, "en");
        String code = fileAndFinish();

        dispatcher.drain().block();
        dispatcher.drain().block();

        assertThat(fcm.receivedFor(phone)).hasSize(1);
        assertThat(fcm.receivedFor(tablet))
                .singleElement()
                .satisfies(request -> assertThat(request.body()
                                .path("message")
                                .path("notification")
                                .path("title")
                                .asString())
                        .isEqualTo("Your result is ready"));
        assertThat(fcm.receivedFor(phone)
                        .get(0)
                        .body()
                        .path("message")
                        .path("data")
                        .path("dossierCode")
                        .asString())
                .isEqualTo(code);
        assertThat(states(code)).containsExactlyInAnyOrder("sent", "sent");
    }

    /**
     * One trace from the gateway's span (the traceparent it sends) through the request's SQL to the
     * push: the status change's request continues the gateway's trace, its statements are spans of
     * it, its log lines carry its id, the push message keeps its span, and the batch that later pushes
     * it is a span of its own linked to that one.
     */
    @Test
    void theDispatchLinksToTheRequestThatQueuedThePush(CapturedOutput output) {
        String phone = token("traced");
        register(phone, "vi");
        WebTestClient system = as(TestIdentityTokens.system("city-push-tests"));
        String code =
                (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, RECEIVED, Duration.ofDays(5)))
                        .get("code");
        String traceId = hex(32);
        String gatewaySpan = hex(16);

        applied(
                system.mutate()
                        .defaultHeader("traceparent", "00-" + traceId + "-" + gatewaySpan + "-01")
                        .defaultHeader("X-Request-Id", "traced-" + run)
                        .build(),
                code,
                event("push-" + code, 9, RECEIVED.plus(Duration.ofHours(1))));
        String written = db.sql("SELECT trace_parent FROM push_message WHERE device_token = :token")
                .bind("token", phone)
                .map(found -> found.get("trace_parent", String.class))
                .one()
                .block();
        dispatcher.drain().block();

        assertThat(written).startsWith("00-" + traceId + "-").endsWith("-01");
        String writer = written.substring(36, 52);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            List<SpanData> ofTheRequest = finished.stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .toList();
            assertThat(ofTheRequest)
                    .as("the BFF's server span, the child of the gateway's")
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                        assertThat(span.getParentSpanId()).isEqualTo(gatewaySpan);
                    });
            assertThat(ofTheRequest)
                    .as("an SQL statement of the request")
                    .anySatisfy(span -> assertThat(span.getAttributes().asMap().keySet())
                            .anySatisfy(key -> assertThat(key.getKey()).startsWith("r2dbc")));
            assertThat(ofTheRequest).extracting(SpanData::getSpanId).contains(writer);
            assertThat(finished)
                    .as("the push's dispatch, linked to the span that queued it")
                    .anySatisfy(span -> {
                        assertThat(span.getName()).isEqualTo("hcc.outbox.dispatch");
                        assertThat(span.getTraceId()).isNotEqualTo(traceId);
                        assertThat(span.getLinks())
                                .anySatisfy(
                                        link -> assertThat(link.getSpanContext().getSpanId())
                                                .isEqualTo(writer));
                        assertThat(span.getLinks())
                                .anySatisfy(
                                        link -> assertThat(link.getSpanContext().getTraceId())
                                                .isEqualTo(traceId));
                    });
        });
        assertThat(fcm.receivedFor(phone)).hasSize(1);
        assertThat(output.getOut().lines().filter(line -> line.contains("\"requestId\":\"traced-" + run + "\"")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"trace\":{\"id\":\"" + traceId + "\""));
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }

    @Test
    void countsTheBacklogUntilItIsSent() {
        register(token("backlog"), "vi");
        fileAndFinish();

        Backlog waiting = outbox.backlog().block();
        assertThat(waiting.pending()).isPositive();
        assertThat(waiting.oldestAge()).isGreaterThanOrEqualTo(Duration.ZERO);
        dispatcher.drain().block();

        assertThat(outbox.backlog().block().pending()).isLessThan(waiting.pending());
    }

    @Test
    void forgetsADeadTokenAndTriesAPassingFailureAgainLater() {
        String gone = token("gone");
        String busy = token("busy");
        register(gone, "vi");
        register(busy, "vi");
        fcm.answer(gone, FakeFcm.Answer.UNREGISTERED);
        fcm.answer(busy, FakeFcm.Answer.QUOTA_EXCEEDED);
        fcm.retryAfter("120");
        String code = fileAndFinish();

        dispatcher.drain().block();

        assertThat(row(gone)).containsEntry("state", "dropped").containsEntry("last_error", "UNREGISTERED (HTTP 404)");
        assertThat(devices(gone)).isZero();
        Map<String, Object> later = row(busy);
        assertThat(later).containsEntry("state", "pending").containsEntry("attempts", 1);
        assertThat((String) later.get("last_error")).startsWith("QUOTA_EXCEEDED");
        assertThat((Instant) later.get("next_attempt_at")).isAfter(Instant.now().plusSeconds(110));
        assertThat(devices(busy)).isOne();
        assertThat(states(code)).containsExactlyInAnyOrder("dropped", "pending");
    }

    @Test
    void deadLettersAfterTheLastAttemptAndAtOnceWhenOurCredentialsAreRefused() {
        String tired = token("tired");
        String refused = token("refused");
        register(tired, "vi");
        register(refused, "vi");
        fcm.answer(tired, FakeFcm.Answer.QUOTA_EXCEEDED);
        fcm.answer(refused, FakeFcm.Answer.AUTH_REFUSED);
        fileAndFinish();
        db.sql("UPDATE push_message SET attempts = :attempts WHERE device_token = :token")
                .bind("attempts", properties.maxAttempts() - 1)
                .bind("token", tired)
                .fetch()
                .rowsUpdated()
                .block();
        double authFailures = meters.counter("hcc.push.auth.failures").count();

        dispatcher.drain().block();

        assertThat(row(tired)).containsEntry("state", "dead");
        assertThat((String) row(tired).get("last_error")).startsWith("gave up after 12 attempts: QUOTA_EXCEEDED");
        assertThat(row(refused)).containsEntry("state", "dead").containsEntry("attempts", 1);
        assertThat((String) row(refused).get("last_error")).startsWith("credentials refused");
        assertThat(meters.counter("hcc.push.auth.failures").count()).isEqualTo(authFailures + 1);
        assertThat(devices(refused)).isOne();
    }

    @Test
    void aReminderThatFailsBeforeTheQuietHoursIsTriedAgainWhenTheyEndAndAStatusChangeAtOnce() {
        // 20:59:55 in Hanoi: the first backoff (10 s at most) would end in the quiet hours
        ReminderSchedulerTest.SetClock clock = new ReminderSchedulerTest.SetClock();
        clock.set(ReminderScheduleTest.hanoi("2026-12-07T20:59:55"));
        PushDispatcher evening = new PushDispatcher(outbox, sender, properties, reminders, clock, tracing, meters);
        String reminder = "night-" + run + "-";
        String status = "status-" + run + "-";
        seed(db, reminder, 1, "REMINDER_RESULT_READY");
        seed(db, status, 1, "RESULT_READY");
        fcm.answer(reminder + "BULK-1", FakeFcm.Answer.QUOTA_EXCEEDED);
        fcm.answer(status + "BULK-1", FakeFcm.Answer.QUOTA_EXCEEDED);
        Instant sent = Instant.now();

        evening.drain().block(Duration.ofMinutes(1));

        // next_attempt_at is the database's now() plus the wait: 07:00 the next morning is 10 h 5 s on
        Map<String, Object> night = row(reminder + "BULK-1");
        assertThat(night).containsEntry("state", "pending").containsEntry("attempts", 1);
        assertThat(Duration.between(sent, (Instant) night.get("next_attempt_at")))
                .isBetween(Duration.ofHours(10), Duration.ofHours(10).plusMinutes(1));
        assertThat(Duration.between(sent, (Instant) row(status + "BULK-1").get("next_attempt_at")))
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void twoDispatchersDeliverAThousandMessagesEachExactlyOnce() {
        seed(1_000);
        PushDispatcher second =
                new PushDispatcher(outbox, sender, properties, reminders, Clock.systemUTC(), tracing, meters);

        Mono.when(dispatcher.drain(), second.drain()).block(Duration.ofMinutes(2));

        List<String> tokens = fcm.received().stream()
                .map(FakeFcm.Request::token)
                .filter(token -> token.startsWith("bulk-" + run))
                .toList();
        assertThat(tokens).hasSize(1_000).doesNotHaveDuplicates();
        assertThat(db.sql("SELECT count(*) AS n FROM push_message WHERE device_token LIKE :prefix AND state = 'sent'")
                        .bind("prefix", "bulk-" + run + "%")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(1_000L);
    }

    @Test
    void aMessageClaimedByADispatcherThatDiedIsSentOnceItsLeaseRunsOut() {
        String phone = token("orphan");
        register(phone, "vi");
        String code = fileAndFinish();
        List<PushMessage> orphaned =
                outbox.claim(1_000, Duration.ofSeconds(1)).collectList().block();
        assertThat(orphaned).extracting(PushMessage::token).contains(phone);

        dispatcher.drain().block();
        assertThat(fcm.receivedFor(phone)).isEmpty();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    dispatcher.drain().block();
                    assertThat(fcm.receivedFor(phone)).hasSize(1);
                });
        assertThat(row(phone)).containsEntry("state", "sent").containsEntry("attempts", 2);
        assertThat(states(code)).containsExactly("sent");
    }

    @Test
    void showsOpsEveryDeliveryAndLetsThemRetryADeadLetter() {
        String refused = token("ops");
        register(refused, "vi");
        fcm.answer(refused, FakeFcm.Answer.AUTH_REFUSED);
        String code = fileAndFinish();
        dispatcher.drain().block();
        WebTestClient ops = as(TestIdentityTokens.ops("ops-push-tests"));

        List<Map<String, Object>> dead = ops.get()
                .uri("/api/v1/ops/push-messages?state=dead&dossierCode={code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(DossierFixtures.JSON)
                .returnResult()
                .getResponseBody();
        assertThat(dead)
                .singleElement()
                .satisfies(message -> assertThat(message)
                        .containsEntry("state", "dead")
                        .containsEntry("event", "RESULT_READY")
                        .containsEntry("tokenEnding", refused.substring(refused.length() - 6))
                        .doesNotContainValue(refused));
        long id = ((Number) dead.get(0).get("id")).longValue();

        fcm.answer(refused, FakeFcm.Answer.OK);
        ops.post()
                .uri("/api/v1/ops/push-messages/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        ops.post()
                .uri("/api/v1/ops/push-messages/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        dispatcher.drain().block();
        assertThat(row(refused)).containsEntry("state", "sent");

        ops.post()
                .uri("/api/v1/ops/push-messages/{id}/retry", Long.MAX_VALUE)
                .exchange()
                .expectStatus()
                .isNotFound();
        ops.post()
                .uri("/api/v1/ops/push-messages/x/retry")
                .exchange()
                .expectStatus()
                .isBadRequest();
        ops.get()
                .uri("/api/v1/ops/push-messages?state=lost")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("state");
        ops.get()
                .uri("/api/v1/ops/push-messages?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(TestIdentityTokens.citizen(citizen))
                .get()
                .uri("/api/v1/ops/push-messages")
                .exchange()
                .expectStatus()
                .isForbidden();
        as(TestIdentityTokens.system("city-push-tests"))
                .post()
                .uri("/api/v1/ops/push-messages/{id}/retry", id)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get().uri("/api/v1/ops/push-messages").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void forgetsTokensUnusedForSixtyDays() {
        String idle = token("idle");
        String recent = token("recent");
        register(idle, "vi");
        register(recent, "vi");
        db.sql("UPDATE device SET last_seen_at = now() - interval '61 days' WHERE token = :token")
                .bind("token", idle)
                .fetch()
                .rowsUpdated()
                .block();
        db.sql("UPDATE device SET last_seen_at = now() - interval '59 days' WHERE token = :token")
                .bind("token", recent)
                .fetch()
                .rowsUpdated()
                .block();

        assertThat(pruner.prune().block()).isGreaterThanOrEqualTo(1L);

        assertThat(devices(idle)).isZero();
        assertThat(devices(recent)).isOne();
    }

    private String token(String name) {
        return "tok-" + name + "-" + run + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    private void register(String token, String locale) {
        as(TestIdentityTokens.citizen(citizen))
                .post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "platform", "android", "locale", locale))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private String fileAndFinish() {
        WebTestClient system = as(TestIdentityTokens.system("city-push-tests"));
        String code =
                (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, RECEIVED, Duration.ofDays(5)))
                        .get("code");
        applied(system, code, event("push-" + code, 9, RECEIVED.plus(Duration.ofHours(1))));
        return code;
    }

    private void seed(int count) {
        seed(db, "bulk-" + run + "-", count);
    }

    /** Queues {@code count} result-ready messages at once, to tokens {@code tokenPrefix + BULK-n}. */
    static void seed(DatabaseClient db, String tokenPrefix, int count) {
        seed(db, tokenPrefix, count, "RESULT_READY");
    }

    /** Queues {@code count} messages of this event at once, to tokens {@code tokenPrefix + BULK-n}. */
    static void seed(DatabaseClient db, String tokenPrefix, int count, String event) {
        db.sql("""
                WITH inbox AS (
                    INSERT INTO notification (citizen_ref, dossier_code, event, status, dossier_version, due_at)
                    SELECT repeat('b', 64), 'BULK-' || g, :event, 9, 1, now() FROM generate_series(1, :count) g
                    RETURNING id, dossier_code)
                INSERT INTO push_message (notification_id, device_token, platform, locale)
                SELECT id, :prefix || dossier_code, 'android', 'vi' FROM inbox""")
                .bind("count", count)
                .bind("event", event)
                .bind("prefix", tokenPrefix)
                .fetch()
                .rowsUpdated()
                .block();
    }

    private List<String> states(String code) {
        return db.sql("""
                SELECT m.state FROM push_message m JOIN notification n ON n.id = m.notification_id
                WHERE n.dossier_code = :code""")
                .bind("code", code)
                .map(row -> row.get("state", String.class))
                .all()
                .collectList()
                .block();
    }

    private Map<String, Object> row(String token) {
        return db.sql(
                        "SELECT state, attempts, last_error, next_attempt_at FROM push_message WHERE device_token = :token")
                .bind("token", token)
                .fetch()
                .one()
                .map(found -> {
                    Map<String, Object> copy = new java.util.HashMap<>(found);
                    copy.put("next_attempt_at", ((java.time.OffsetDateTime) found.get("next_attempt_at")).toInstant());
                    return copy;
                })
                .block();
    }

    private long devices(String token) {
        return db.sql("SELECT count(*) AS n FROM device WHERE token = :token")
                .bind("token", token)
                .map(found -> found.get("n", Long.class))
                .one()
                .block();
    }
}
