package vn.hanoi.hcc.bff.webhook;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body POSTed to an agent's webhook, in Standard Webhooks' shape {@code {type, timestamp, data}}:
 * what the outbox stores and sends, and what the OpenAPI document publishes (its {@code webhooks}).
 */
@Schema(
        name = "WebhookPayload",
        description = "A change of a dossier the agent filed, signed per Standard Webhooks (headers webhook-id, "
                + "webhook-timestamp, webhook-signature: v1,base64 of HMAC-SHA256 over id.timestamp.body).")
public record WebhookPayload(
        @Schema(
                allowableValues = {STATUS_CHANGED, DUE_EXTENDED},
                requiredMode = REQUIRED)
        String type,

        @Schema(description = "When the change happened", format = "date-time", requiredMode = REQUIRED)
        String timestamp,

        @Schema(requiredMode = REQUIRED) Data data) {

    /** The dossier's status changed. */
    public static final String STATUS_CHANGED = "dossier.status_changed";

    /** The dossier's due time was moved later. */
    public static final String DUE_EXTENDED = "dossier.due_extended";

    static WebhookPayload of(WebhookMessageRepository.Change change) {
        return new WebhookPayload(
                change.type(),
                change.occurredAt().toString(),
                new Data(
                        change.dossierCode(),
                        change.status(),
                        change.dueAt().toString(),
                        change.version(),
                        change.eventId()));
    }

    /** The dossier as the change left it. */
    @Schema(name = "WebhookDossier")
    public record Data(
            @Schema(description = "The dossier's code", requiredMode = REQUIRED)
            String code,

            @Schema(description = "The dossier's status code (1-10)", requiredMode = REQUIRED)
            int status,

            @Schema(description = "The due time", format = "date-time", requiredMode = REQUIRED)
            String dueAt,

            @Schema(description = "The dossier's version: a receiver keeps the highest", requiredMode = REQUIRED)
            long version,

            @Schema(description = "The agent's event that made the change", requiredMode = REQUIRED)
            String eventId) {}
}
