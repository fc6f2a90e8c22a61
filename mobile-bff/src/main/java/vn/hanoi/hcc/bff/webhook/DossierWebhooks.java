package vn.hanoi.hcc.bff.webhook;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierChangeListener;
import vn.hanoi.hcc.bff.dossier.DossierChanged;
import vn.hanoi.hcc.bff.dossier.DossierDueExtended;

/**
 * The filing agent's webhook message for every change that moved its dossier, queued in the change's
 * transaction (if the agent has a webhook).
 */
@Component
class DossierWebhooks implements DossierChangeListener {

    private final WebhookMessageRepository outbox;

    DossierWebhooks(WebhookMessageRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> on(DossierChanged change) {
        Dossier dossier = change.dossier();
        String type =
                change instanceof DossierDueExtended ? WebhookPayload.DUE_EXTENDED : WebhookPayload.STATUS_CHANGED;
        return outbox.queue(new WebhookMessageRepository.Change(
                        dossier.filedByClient(),
                        dossier.code(),
                        type,
                        dossier.status().code(),
                        dossier.dueAt(),
                        dossier.version(),
                        change.eventId(),
                        change.occurredAt()))
                .then();
    }
}
