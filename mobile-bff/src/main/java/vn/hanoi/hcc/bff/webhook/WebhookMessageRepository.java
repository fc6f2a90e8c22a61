package vn.hanoi.hcc.bff.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.outbox.Backlog;
import vn.hanoi.hcc.bff.outbox.BacklogRepository;
import vn.hanoi.hcc.bff.outbox.OutboxRepository;
import vn.hanoi.hcc.bff.outbox.OutboxTracing;
import vn.hanoi.hcc.bff.outbox.Settlement;

/**
 * The webhook outbox: queueing a change for the filing client's webhook, in the change's transaction;
 * claiming in order per dossier (a message only when no older one of its dossier is pending); settling;
 * and the ops view. Every settlement is written only if the message is still pending at the attempt
 * its dispatcher claimed.
 */
@Repository
class WebhookMessageRepository implements OutboxRepository<WebhookMessage> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int SETTLING_AT_ONCE = 4;

    private final DatabaseClient db;
    private final OutboxTracing tracing;

    WebhookMessageRepository(DatabaseClient db, OutboxTracing tracing) {
        this.db = db;
        this.tracing = tracing;
    }

    /**
     * A change to announce; its body is a {@link WebhookPayload}.
     */
    record Change(
            String filedByClient,
            String dossierCode,
            String type,
            int status,
            Instant dueAt,
            long version,
            String eventId,
            Instant occurredAt) {}

    /** The number of messages queued: 1 when the filing client has a webhook, else 0. */
    Mono<Long> queue(Change change) {
        return db.sql("""
                INSERT INTO webhook_message (client_id, dossier_code, message_id, payload, trace_parent)
                SELECT client_id, :code, :messageId, :payload, :traceParent FROM agent_webhook WHERE client_id = :client""")
                .bind("code", change.dossierCode())
                .bind("messageId", "msg_" + change.dossierCode() + "_v" + change.version())
                .bind("payload", JSON.writeValueAsString(WebhookPayload.of(change)))
                .bind("client", change.filedByClient())
                .bind("traceParent", Parameter.fromOrEmpty(tracing.currentTraceParent(), String.class))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public Mono<Backlog> backlog() {
        return BacklogRepository.read(db, "webhook_message");
    }

    @Override
    public Flux<WebhookMessage> claim(int limit, Duration lease) {
        return db.sql("""
                WITH due AS (
                    SELECT m.id FROM webhook_message m
                    WHERE m.state = 'pending' AND m.next_attempt_at <= now()
                      AND NOT EXISTS (SELECT 1 FROM webhook_message older
                          WHERE older.client_id = m.client_id AND older.dossier_code = m.dossier_code
                            AND older.state = 'pending' AND older.id < m.id)
                    ORDER BY m.id LIMIT :limit FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_message m SET attempts = m.attempts + 1,
                        next_attempt_at = now() + make_interval(secs => :lease)
                    FROM due WHERE m.id = due.id
                    RETURNING m.id, m.client_id, m.message_id, m.payload, m.attempts, m.window_started_at, m.trace_parent)
                SELECT c.id, c.message_id, c.payload, c.attempts, c.window_started_at, c.trace_parent, w.url, w.secret
                FROM claimed c JOIN agent_webhook w ON w.client_id = c.client_id ORDER BY c.id""")
                .bind("limit", limit)
                .bind("lease", (double) lease.toMillis() / 1000)
                .map(row -> new WebhookMessage(
                        row.get("id", Long.class),
                        row.get("url", String.class),
                        row.get("secret", String.class),
                        row.get("message_id", String.class),
                        row.get("payload", String.class),
                        row.get("attempts", Integer.class),
                        row.get("window_started_at", Instant.class),
                        row.get("trace_parent", String.class)))
                .all();
    }

    @Override
    public Mono<Void> settle(List<Settlement<WebhookMessage>> settlements) {
        // a few at a time: a batch's worth at once would take the pool's connections from the requests
        return Flux.fromIterable(settlements)
                .flatMap(this::settle, SETTLING_AT_ONCE)
                .then();
    }

    private Mono<Long> settle(Settlement<WebhookMessage> settled) {
        WebhookMessage message = settled.message();
        if (settled.verdict() == Settlement.Verdict.RETRY) {
            return db.sql("""
                    UPDATE webhook_message SET next_attempt_at = now() + make_interval(secs => :wait), last_error = :error
                    WHERE id = :id AND attempts = :attempt AND state = 'pending'""")
                    .bind("wait", (double) settled.delay().toMillis() / 1000)
                    .bind("error", settled.detail())
                    .bind("id", message.id())
                    .bind("attempt", message.attempt())
                    .fetch()
                    .rowsUpdated();
        }
        boolean delivered = settled.verdict() == Settlement.Verdict.SENT;
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                UPDATE webhook_message SET state = :state, last_error = :error, finished_at = now()
                WHERE id = :id AND attempts = :attempt AND state = 'pending'""")
                .bind("state", delivered ? "delivered" : "dead")
                .bind("id", message.id())
                .bind("attempt", message.attempt());
        return (delivered ? update.bindNull("error", String.class) : update.bind("error", settled.detail()))
                .fetch()
                .rowsUpdated();
    }

    /** A requeued message gets a new 24 h window of retries, counted from now. */
    @Override
    public Mono<Long> requeueDead(long id) {
        return db.sql("""
                UPDATE webhook_message SET state = 'pending', attempts = 0, next_attempt_at = now(), finished_at = NULL,
                    window_started_at = now(), last_error = NULL
                WHERE id = :id AND state = 'dead'""").bind("id", id).fetch().rowsUpdated();
    }

    @Override
    public Mono<String> stateOf(long id) {
        return db.sql("SELECT state FROM webhook_message WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("state", String.class))
                .one();
    }

    /** The newest messages matching the filter. */
    Mono<List<WebhookDelivery>> list(WebhookDeliveryService.Filter filter) {
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
                .map(row -> new WebhookDelivery(
                        row.get("id", Long.class),
                        row.get("client_id", String.class),
                        row.get("dossier_code", String.class),
                        row.get("message_id", String.class),
                        row.get("type", String.class),
                        row.get("status", Integer.class),
                        row.get("version", Long.class),
                        row.get("state", String.class),
                        row.get("attempts", Integer.class),
                        row.get("last_error", String.class),
                        row.get("created_at", Instant.class),
                        row.get("next_attempt_at", Instant.class),
                        row.get("finished_at", Instant.class)))
                .all()
                .collectList();
    }
}
