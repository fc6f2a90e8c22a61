/*
 * A receiver of the HCC mobile backend's webhooks, verifying every delivery with the official
 * Standard Webhooks library (com.standardwebhooks:standardwebhooks, Maven Central) before trusting it.
 *
 * Run it with a JDK 17 and the library's jar (it needs nothing else):
 *   HCC_WEBHOOK_SECRET=whsec_... java -cp standardwebhooks-1.2.0.jar docs/examples/WebhookReceiver.java 8090
 * then register http(s)://<this host>:8090/hcc-webhooks with PUT /api/v1/agent/webhook {url, secret}.
 *
 * The test WebhookReceiverExampleTest compiles this very file and has the BFF deliver to it.
 */
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

public final class WebhookReceiver {

    private WebhookReceiver() {}

    /**
     * Listens on {@code port} (0: any free one) and hands {@code onEvent} the body of every delivery
     * whose signature is valid and recent (the library refuses a timestamp more than 5 minutes off).
     * Answers 204 to a verified delivery (the sender then stops retrying it), 400 to anything else.
     */
    public static HttpServer start(int port, String secret, Consumer<String> onEvent)
            throws IOException, EmptyWebhookSecretException {
        Webhook webhook = new Webhook(secret); // the whole "whsec_..." secret, as registered
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/hcc-webhooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            try {
                // webhook-id, webhook-timestamp, webhook-signature: checked over "id.timestamp.body"
                webhook.verify(body, exchange.getRequestHeaders());
                onEvent.accept(body); // e.g. {"type":"dossier.status_changed","data":{"code":...}}
                status = 204;
            } catch (WebhookVerificationException forged) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws IOException, EmptyWebhookSecretException {
        String secret = System.getenv("HCC_WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("set HCC_WEBHOOK_SECRET to the secret registered with PUT /api/v1/agent/webhook");
            System.exit(2);
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        start(port, secret, body -> System.out.println("verified: " + body));
        System.out.println("listening on :" + port + "/hcc-webhooks");
    }
}
