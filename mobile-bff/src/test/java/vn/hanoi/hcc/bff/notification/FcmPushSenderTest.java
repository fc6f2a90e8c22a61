package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real Firebase Admin SDK against {@link FakeFcm}: the exact FCM v1 request, and every error class. */
class FcmPushSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-30T10:00:00Z");

    private final FakeFcm fcm = new FakeFcm();
    private FirebaseApp app;
    private FcmPushSender sender;

    @BeforeEach
    void sdk() {
        app = FirebaseApp.initializeApp(
                FirebaseOptions.builder()
                        .setCredentials(FakeFcm.credentials())
                        .setProjectId("test-project")
                        .setHttpTransport(fcm)
                        .setJsonFactory(GsonFactory.getDefaultInstance())
                        .build(),
                "test-" + UUID.randomUUID());
        PushProperties properties = new PushProperties(
                true,
                Duration.ofMillis(500),
                500,
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                12,
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                Duration.ofDays(60),
                Duration.ofHours(1),
                new PushProperties.Firebase(null, null, "test-project", null));
        sender = new FcmPushSender(FirebaseMessaging.getInstance(app), properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        app.delete();
    }

    @Test
    void sendsTheExactFcmV1RequestWithoutPersonalData() {
        StepVerifier.create(
                        sender.send(List.of(message(1, "token-android-0001", "vi", NotificationEvent.RESULT_READY, 9))))
                .assertNext(outcomes -> assertThat(outcomes)
                        .singleElement()
                        .satisfies(outcome -> assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.SENT))
                        .satisfies(outcome ->
                                assertThat(outcome.messageId()).startsWith("projects/test-project/messages/")))
                .verifyComplete();

        FakeFcm.Request request = fcm.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo("https://fcm.googleapis.com/v1/projects/test-project/messages:send");
        assertThat(request.authorization()).isEqualTo("Bearer fake-access-token");
        JsonNode expected = JsonMapper.builder().build().readTree("""
                {"message": {
                  "token": "token-android-0001",
                  "notification": {"title": "Hồ sơ đã có kết quả",
                    "body": "Hồ sơ H26.99-261120-0001 đã xử lý xong. Mở ứng dụng để xem cách nhận kết quả."},
                  "data": {"dossierCode": "H26.99-261120-0001", "event": "RESULT_READY", "status": "9", "version": "4"},
                  "android": {"collapse_key": "H26.99-261120-0001", "priority": "high", "ttl": "604800s",
                    "notification": {"tag": "H26.99-261120-0001"}},
                  "apns": {"headers": {"apns-collapse-id": "H26.99-261120-0001", "apns-expiration": "1795921200"},
                    "payload": {"aps": {"sound": "default"}}},
                  "webpush": {"headers": {"TTL": "604800", "Urgency": "high"}}
                }}""");
        assertThat(request.body()).isEqualTo(expected);
    }

    @Test
    void writesInThePhonesLanguage() {
        sender.send(List.of(message(2, "token-ios-000000001", "en", NotificationEvent.DUE_EXTENDED, 4)))
                .block();

        JsonNode notification = fcm.received().get(0).body().path("message").path("notification");
        assertThat(notification.path("title").asString()).isEqualTo("Due date extended");
        assertThat(notification.path("body").asString())
                .isEqualTo("The result of dossier H26.99-261120-0001 is now due on 30/11/2026 17:00.");
    }

    @Test
    void sortsEveryFcmErrorIntoWhatTheDispatcherDoes() {
        fcm.retryAfter("120");
        List<FakeFcm.Answer> answers = List.of(
                FakeFcm.Answer.OK,
                FakeFcm.Answer.UNREGISTERED,
                FakeFcm.Answer.SENDER_ID_MISMATCH,
                FakeFcm.Answer.INVALID_TOKEN,
                FakeFcm.Answer.QUOTA_EXCEEDED,
                FakeFcm.Answer.AUTH_REFUSED,
                FakeFcm.Answer.THIRD_PARTY_AUTH,
                FakeFcm.Answer.RESET);
        List<PushMessage> messages = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String token = "token-scripted-" + answers.get(i).name();
            fcm.answer(token, answers.get(i));
            messages.add(message(10 + i, token, "vi", NotificationEvent.ACTION_NEEDED, 5));
        }

        List<PushOutcome> outcomes = sender.send(messages).block();

        assertThat(outcomes)
                .extracting(PushOutcome::kind)
                .containsExactly(
                        PushOutcome.Kind.SENT,
                        PushOutcome.Kind.TOKEN_GONE,
                        PushOutcome.Kind.TOKEN_GONE,
                        PushOutcome.Kind.TOKEN_GONE,
                        PushOutcome.Kind.RETRY,
                        PushOutcome.Kind.AUTH,
                        PushOutcome.Kind.AUTH,
                        PushOutcome.Kind.RETRY);
        assertThat(outcomes.get(4).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(outcomes.get(4).error()).startsWith("QUOTA_EXCEEDED");
        assertThat(outcomes.get(1).error()).isEqualTo("UNREGISTERED (HTTP 404)");
    }

    @Test
    void retriesAServerErrorAfterTheSdksOwnRetriesFail() {
        fcm.answer("token-always-500-0001", FakeFcm.Answer.INTERNAL);

        List<PushOutcome> outcomes = sender.send(
                        List.of(message(30, "token-always-500-0001", "vi", NotificationEvent.RESULT_READY, 9)))
                .block();

        assertThat(outcomes)
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.kind()).isEqualTo(PushOutcome.Kind.RETRY));
    }

    @Test
    void givesUpOnASlowBatchAndRetriesItsMessages() {
        fcm.answer("token-slow-000000001", FakeFcm.Answer.SLOW);

        StepVerifier.create(sender.send(List.of(
                        message(40, "token-slow-000000001", "vi", NotificationEvent.RESULT_READY, 9),
                        message(41, "token-fast-000000001", "vi", NotificationEvent.RESULT_READY, 9))))
                .assertNext(outcomes -> assertThat(outcomes)
                        .extracting(PushOutcome::kind)
                        .containsExactly(PushOutcome.Kind.RETRY, PushOutcome.Kind.RETRY))
                .verifyComplete();
    }

    private static PushMessage message(long id, String token, String locale, NotificationEvent event, int status) {
        return new PushMessage(id, token, "android", locale, 1, "H26.99-261120-0001", event, status, 4, DUE, null);
    }
}
