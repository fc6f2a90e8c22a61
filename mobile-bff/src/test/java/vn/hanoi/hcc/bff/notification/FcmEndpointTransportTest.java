package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The real SDK, redirected to an FCM server on loopback (as the benchmarks and drills run it), over real HTTP. */
class FcmEndpointTransportTest {

    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private final DisposableServer fcm = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> request.receive()
                    .aggregate()
                    .asString()
                    .flatMap(body -> {
                        seen.add(request.method() + " " + request.uri() + " "
                                + request.requestHeaders().get("Authorization") + " " + body);
                        return response.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"name\":\"projects/bench/messages/1\"}"))
                                .then();
                    }))
            .bindNow();
    private FirebaseApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.delete();
        }
        fcm.disposeNow();
    }

    @Test
    void sendsThroughTheSdkToTheConfiguredEndpoint() {
        URI endpoint = URI.create("http://127.0.0.1:" + fcm.port() + "/");
        app = FirebaseApp.initializeApp(
                FirebaseOptions.builder()
                        .setCredentials(FakeFcm.credentials())
                        .setProjectId("bench")
                        .setJsonFactory(GsonFactory.getDefaultInstance())
                        .setHttpTransport(FcmEndpointTransport.to(endpoint))
                        .build(),
                "redirected-" + UUID.randomUUID());
        PushProperties properties = new PushProperties(
                true,
                Duration.ofMillis(500),
                500,
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                12,
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                Duration.ofDays(7),
                Duration.ofDays(60),
                Duration.ofHours(1),
                new PushProperties.Firebase(null, null, "bench", endpoint));
        FcmPushSender sender = new FcmPushSender(FirebaseMessaging.getInstance(app), properties, Clock.systemUTC());

        List<PushOutcome> outcomes = sender.send(List.of(new PushMessage(
                        1,
                        "token-redirected-0001",
                        "android",
                        "vi",
                        1,
                        "H26.99-261120-0001",
                        NotificationEvent.RESULT_READY,
                        9,
                        4,
                        Instant.now(),
                        null)))
                .block();

        assertThat(outcomes).singleElement().extracting(PushOutcome::kind).isEqualTo(PushOutcome.Kind.SENT);
        assertThat(seen)
                .singleElement()
                .asString()
                .startsWith("POST /v1/projects/bench/messages:send Bearer fake-access-token ")
                .contains("\"token\":\"token-redirected-0001\"");
    }

    @Test
    void leavesEveryOtherAddressAlone() throws Exception {
        URL token = URI.create("https://oauth2.googleapis.com/token").toURL();
        URL send = URI.create("https://fcm.googleapis.com/v1/projects/p/messages:send")
                .toURL();

        assertThat(FcmEndpointTransport.redirect(token, "http://127.0.0.1:9")).isEqualTo(token);
        assertThat(FcmEndpointTransport.redirect(send, "http://127.0.0.1:9"))
                .hasToString("http://127.0.0.1:9/v1/projects/p/messages:send");
    }
}
