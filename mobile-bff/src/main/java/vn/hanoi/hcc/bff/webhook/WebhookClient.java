package vn.hanoi.hcc.bff.webhook;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import vn.hanoi.hcc.bff.outbox.Outcome;

/**
 * POSTs one signed webhook message. The target's host is resolved and checked for this very
 * delivery ({@link CheckedAddressResolverGroup}); redirects are not followed, since the target was
 * checked and its redirect would not be.
 */
@Component
class WebhookClient {

    private final WebClient http;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookClient(WebhookProperties properties, WebhookTargetPolicy policy, Clock clock, WebClient.Builder builder) {
        this.properties = properties;
        this.clock = clock;
        this.http = builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .resolver(new CheckedAddressResolverGroup(policy))
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                                properties.connectTimeout().toMillis())
                        .responseTimeout(properties.timeout())
                        .followRedirect(false)))
                .build();
    }

    /**
     * Sends the message, signed per Standard Webhooks: delivered when the receiver answered 2xx,
     * otherwise failed with why, for the message's {@code last_error}: the status, the refused target,
     * or the kind of failure; never the URL or the secret.
     */
    Mono<Outcome> post(String url, String secret, String messageId, String payload) {
        long timestamp = clock.instant().getEpochSecond();
        return http.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(secret, messageId, timestamp, payload))
                .bodyValue(payload)
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(properties.timeout().plusSeconds(1))
                .<Outcome>map(status -> status >= 200 && status < 300
                        ? new Outcome.Delivered(null)
                        : new Outcome.Failed("HTTP " + status))
                .onErrorResume(failure -> Mono.just(new Outcome.Failed(
                        refused(failure)
                                ? WebhookTargetRefusedException.LAST_ERROR
                                : failure.getClass().getSimpleName())));
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WebhookTargetRefusedException) {
                return true;
            }
        }
        return false;
    }
}
