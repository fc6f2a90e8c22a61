package vn.hanoi.hcc.bff.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.outbox.DeadLetters;

/** The delivery state of every webhook message, for the Center; dead letters can be sent again. */
@Service
public class WebhookDeliveryService {

    /** The states a message can be in. */
    public static final List<String> STATES = List.of("pending", "delivered", "dead");

    /** A requeued message gets a new 24 h window of retries, counted from now. */
    private static final DeadLetters.Outbox OUTBOX = new DeadLetters.Outbox("webhook_message", "webhook message",
            ", window_started_at = now(), last_error = NULL");

    private final DatabaseClient db;
    private final DeadLetters deadLetters;

    WebhookDeliveryService(DatabaseClient db, DeadLetters deadLetters) {
        this.db = db;
        this.deadLetters = deadLetters;
    }

    /** What to list: each filter may be null (any). */
    public record Filter(String state, String clientId, String dossierCode, int limit) {
    }

    /** The newest messages matching the filter. */
    public Mono<List<WebhookDelivery>> list(Filter filter) {
        String where = (filter.state() == null ? "" : " AND state = :state")
                + (filter.clientId() == null ? "" : " AND client_id = :client")
                + (filter.dossierCode() == null ? "" : " AND dossier_code = :code");
        DatabaseClient.GenericExecuteSpec query = db.sql("""
                SELECT id, client_id, dossier_code, message_id, payload::jsonb ->> 'type' AS type,
                    (payload::jsonb -> 'data' ->> 'status')::int AS status,
                    (payload::jsonb -> 'data' ->> 'version')::bigint AS version,
                    state, attempts, last_error, created_at, next_attempt_at, finished_at
                FROM webhook_message WHERE true""" + where + " ORDER BY id DESC LIMIT :limit");
        query = filter.state() == null ? query : query.bind("state", filter.state());
        query = filter.clientId() == null ? query : query.bind("client", filter.clientId());
        query = filter.dossierCode() == null ? query : query.bind("code", filter.dossierCode());
        return query.bind("limit", filter.limit())
                .map(row -> new WebhookDelivery(row.get("id", Long.class), row.get("client_id", String.class),
                        row.get("dossier_code", String.class), row.get("message_id", String.class),
                        row.get("type", String.class), row.get("status", Integer.class),
                        row.get("version", Long.class), row.get("state", String.class),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        row.get("created_at", Instant.class), row.get("next_attempt_at", Instant.class),
                        row.get("finished_at", Instant.class)))
                .all().collectList();
    }

    /**
     * Puts a dead-lettered message back in the queue with fresh attempts and a new 24 h window. It
     * may arrive after newer changes of its dossier were delivered: receivers order by
     * {@code data.version}, as Standard Webhooks receivers must for any retried message.
     */
    public Mono<Void> retry(long id) {
        return deadLetters.requeue(OUTBOX, id);
    }
}
