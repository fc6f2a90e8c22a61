package vn.hanoi.hcc.bff.webhook;

import java.net.URI;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each agent's one webhook: set or replaced, the secret kept for signing and never handed back. */
@Service
public class WebhookService {

    private final WebhookRepository webhooks;
    private final WebhookTargetPolicy policy;

    WebhookService(WebhookRepository webhooks, WebhookTargetPolicy policy) {
        this.webhooks = webhooks;
        this.policy = policy;
    }

    /** The registered webhook, with whether it replaced an earlier one. */
    public record Registered(URI url, Instant updatedAt, boolean created) {}

    public Mono<Registered> register(String clientId, String url, String secret) {
        return policy.check(url).flatMap(target -> webhooks.save(clientId, target, secret));
    }
}
