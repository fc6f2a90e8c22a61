package vn.hanoi.hcc.bff.webhook;

import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The delivery state of every webhook message, for the Center; dead letters can be sent again. */
@Service
public class WebhookDeliveryService {

    /** The states a message can be in. */
    public static final List<String> STATES = List.of("pending", "delivered", "dead");

    private final WebhookMessageRepository outbox;

    WebhookDeliveryService(WebhookMessageRepository outbox) {
        this.outbox = outbox;
    }

    /** What to list: each filter may be null (any). */
    public record Filter(String state, String clientId, String dossierCode, int limit) {}

    /** The newest messages matching the filter. */
    public Mono<List<WebhookDelivery>> list(Filter filter) {
        return outbox.list(filter);
    }

    /**
     * Puts a dead-lettered message back in the queue with fresh attempts and a new 24 h window. It
     * may arrive after newer changes of its dossier were delivered: receivers order by
     * {@code data.version}, as Standard Webhooks receivers must for any retried message.
     */
    public Mono<Void> retry(long id) {
        return outbox.requeue(id, "webhook message");
    }
}
