package vn.hanoi.hcc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.client.api.AgentsAndTheCitySystemApi;
import vn.hanoi.hcc.client.model.Filed;
import vn.hanoi.hcc.client.model.WebhookPayload;

/**
 * The client generated from docs/openapi.yaml files a dossier the way the gateway expects (the path,
 * the API key, the Idempotency-Key) and reads the answer; its models read a webhook message as the BFF
 * sends it.
 */
class GeneratedClientTest {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private HttpServer gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
    }

    @Test
    void filesADossierWithItsKeyAndIdempotencyKey() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            received.put("request", exchange.getRequestMethod() + " " + exchange.getRequestURI());
            received.put("key", String.valueOf(exchange.getRequestHeaders().getFirst("X-Api-Key")));
            received.put(
                    "idempotency", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            byte[] body = """
                    {"code":"H26-0001","lookupSecret":"s3cret","status":1,"dueAt":"2026-12-10T10:00:00Z"}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + gateway.getAddress().getPort());
        client.setRequestInterceptor(request -> request.header("X-Api-Key", "hcc_test_key"));

        Filed filed = new AgentsAndTheCitySystemApi(client)
                .callFile(new vn.hanoi.hcc.client.model.FileDossierRequest(), "retry-safe-1");

        assertThat(filed.getCode()).isEqualTo("H26-0001");
        assertThat(filed.getLookupSecret()).isEqualTo("s3cret");
        assertThat(received)
                .containsEntry("request", "POST /api/v1/agent/dossiers")
                .containsEntry("key", "hcc_test_key")
                .containsEntry("idempotency", "retry-safe-1");
    }

    @Test
    void readsAWebhookMessageAsTheBffWritesIt() throws IOException {
        WebhookPayload payload = new ApiClient().getObjectMapper().readValue("""
                        {"type":"dossier.status_changed","timestamp":"2026-12-07T03:00:00Z",
                         "data":{"code":"H26-0001","status":9,"dueAt":"2026-12-10T10:00:00Z","version":4,"eventId":"e-1"}}""", WebhookPayload.class);

        assertThat(payload.getType()).isEqualTo(WebhookPayload.TypeEnum.DOSSIER_STATUS_CHANGED);
        assertThat(payload.getData().getVersion()).isEqualTo(4L);
    }
}
