package vn.hanoi.hcc.bff.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a status change for the webhook of the client that filed the dossier, if it has one, in
 * the transaction of the change. The body follows Standard Webhooks' shape:
 * {@code {type, timestamp, data:{code, status, dueAt, version, eventId}}}.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    WebhookOutbox(DatabaseClient db) {
        this.db = db;
    }

    /** A change to announce: a status ({@code dossier.status_changed}) or a new due time ({@code dossier.due_extended}). */
    record Change(String filedByClient, String dossierCode, String type, int status, Instant dueAt, long version,
            String eventId, Instant occurredAt) {
    }

    /** The number of messages queued: 1 when the filing client has a webhook, else 0. */
    Mono<Long> write(Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", change.dossierCode());
        data.put("status", change.status());
        data.put("dueAt", change.dueAt().toString());
        data.put("version", change.version());
        data.put("eventId", change.eventId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", change.type());
        body.put("timestamp", change.occurredAt().toString());
        body.put("data", data);
        return db.sql("""
                INSERT INTO webhook_message (client_id, dossier_code, message_id, payload)
                SELECT client_id, :code, :messageId, :payload FROM agent_webhook WHERE client_id = :client""")
                .bind("code", change.dossierCode())
                .bind("messageId", "msg_" + change.dossierCode() + "_v" + change.version())
                .bind("payload", JSON.writeValueAsString(body))
                .bind("client", change.filedByClient())
                .fetch().rowsUpdated();
    }
}
