package vn.hanoi.hcc.bff.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.bff.webhook.WebhookDispatcher;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The receiver example of the docs (docs/examples/WebhookReceiver.java), compiled from that very
 * file and run: it accepts what the BFF really delivers, verified by the official Standard Webhooks
 * library, and refuses a forged delivery.
 */
class WebhookReceiverExampleTest extends BffIntegrationTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("hcc.config.dir", "../config"))
            .resolveSibling("docs")
            .resolve("examples/WebhookReceiver.java");
    private static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("an-example-receiver-secret-32-by".getBytes(StandardCharsets.UTF_8));
    private static final String AGENCY = DossierFixtures.freshAgency();

    @TempDir
    Path classes;

    @Autowired
    WebhookDispatcher dispatcher;

    private final ConcurrentLinkedQueue<String> verified = new ConcurrentLinkedQueue<>();
    private HttpServer receiver;
    private URLClassLoader loader;
    private WebTestClient agent;

    @BeforeEach
    void startTheExample() throws Exception {
        String library = Path.of(Webhook.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(null, null, errors, "-cp", library, "-d", classes.toString(), EXAMPLE.toString());
        assertThat(compiled).as("javac %s: %s", EXAMPLE, errors).isZero();
        loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        Consumer<String> onEvent = verified::add;
        receiver = (HttpServer) loader.loadClass("WebhookReceiver")
                .getMethod("start", int.class, String.class, Consumer.class)
                .invoke(null, 0, SECRET, onEvent);

        agent = as(TestIdentityTokens.agent(
                "agent-example-" + System.nanoTime(),
                List.of("dossiers:read", "dossiers:write", "webhooks:write"),
                List.of(AGENCY)));
        agent.put()
                .uri("/api/v1/agent/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url(), "secret", SECRET))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @AfterEach
    void stopTheExample() throws Exception {
        receiver.stop(0);
        loader.close();
    }

    @Test
    void acceptsWhatTheBackendDeliversVerifiedByTheOfficialLibrary() {
        Instant received = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        String code = (String) filed(agent, dossier(AGENCY, "001499999998", received, Duration.ofDays(5)))
                .get("code");
        applied(agent, code, event("example-1", 4, received.plus(Duration.ofHours(1))));

        assertThat(dispatcher.drain().block(Duration.ofSeconds(30))).isEqualTo(1L);

        assertThat(verified)
                .singleElement()
                .satisfies(body -> assertThat(body).contains("\"type\":\"dossier.status_changed\"", code));
    }

    @Test
    void refusesADeliveryWhoseSignatureIsNotOurs() throws Exception {
        long now = Instant.now().getEpochSecond();
        HttpRequest forged = HttpRequest.newBuilder(URI.create(url()))
                .header("webhook-id", "msg_forged")
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"dossier.status_changed\"}"))
                .build();

        HttpResponse<Void> answer = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(verified).isEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hcc-webhooks";
    }
}
