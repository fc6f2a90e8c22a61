package vn.hanoi.hcc.bff.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.config.Backoff;
import vn.hanoi.hcc.bff.config.BackgroundLoop;

/**
 * Delivers the webhook outbox, in order per dossier: a message is claimed only when no older one
 * of its dossier is still pending, so the next status change waits for the previous one to be
 * delivered or dead-lettered. Claims use {@code FOR UPDATE SKIP LOCKED} and a lease, as the push
 * dispatcher does. A 2xx answer delivers; anything else, a timeout or a refused connection is tried
 * again after a doubling, jittered wait (by default 30 s up to 1 h) until 24 h after the change (or
 * after ops sent a dead letter again), then the message is dead-lettered. A target whose host
 * resolves to a forbidden address at delivery ({@link WebhookTargetPolicy}) is such a failure: no
 * connection is made, and ops see why in the message's {@code lastError}. Sending:
 * {@link WebhookClient}; timings: {@link WebhookProperties}.
 */
@Component
public class WebhookDispatcher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DatabaseClient db;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookClient client;
    private final Backoff backoff;
    private final Counter deadLettered;
    private final Counter refused;

    WebhookDispatcher(DatabaseClient db, WebhookProperties properties, Clock clock, WebhookClient client,
            MeterRegistry meters) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
        this.client = client;
        this.backoff = new Backoff(properties.firstBackoff(), properties.maxBackoff());
        this.deadLettered = meters.counter("hcc.webhook.dead.lettered");
        this.refused = meters.counter("hcc.webhook.target.refused");
    }

    private record Claimed(long id, String url, String secret, String messageId, String payload, int attempt,
            Instant windowStartedAt) {
    }

    @Override
    protected Disposable begin() {
        if (!properties.dispatch()) {
            log.info("Webhook dispatcher off on this replica (hcc.bff.webhooks.dispatch=false)");
            return null;
        }
        return every(Duration.ZERO, properties.pollInterval(), "Webhook dispatch", this::drain);
    }

    /** Delivers what is due, batch after batch, until nothing is; the number of messages handled. */
    public Mono<Long> drain() {
        return batch().expand(handled -> handled > 0 ? batch() : Mono.empty()).reduce(0L, Long::sum);
    }

    private Mono<Long> batch() {
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
                    RETURNING m.id, m.client_id, m.message_id, m.payload, m.attempts, m.window_started_at)
                SELECT c.id, c.message_id, c.payload, c.attempts, c.window_started_at, w.url, w.secret
                FROM claimed c JOIN agent_webhook w ON w.client_id = c.client_id ORDER BY c.id""")
                .bind("limit", properties.batchSize())
                .bind("lease", (double) properties.lease().toMillis() / 1000)
                .map(row -> new Claimed(row.get("id", Long.class), row.get("url", String.class),
                        row.get("secret", String.class), row.get("message_id", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class),
                        row.get("window_started_at", Instant.class)))
                .all()
                // a batch holds at most one message per dossier: delivering them side by side keeps the
                // order, and one slow receiver does not hold up every other agent's
                .flatMap(message -> deliver(message).thenReturn(message), properties.concurrency())
                .count();
    }

    private Mono<Void> deliver(Claimed message) {
        return client.post(message.url(), message.secret(), message.messageId(), message.payload())
                .flatMap(error -> error.isEmpty() ? finish(message, "delivered", null) : failed(message, error.get()));
    }

    private Mono<Void> failed(Claimed message, String error) {
        if (WebhookTargetRefusedException.LAST_ERROR.equals(error)) {
            // the agent's host answered a forbidden address at delivery: a probe of the cluster, or a
            // broken DNS; retried like any failure (an answer may change back), dead-lettered in the end
            log.warn("Webhook message {}: target refused, it resolved to a forbidden address", message.messageId());
            refused.increment();
        }
        return retryOrGiveUp(message, error);
    }

    private Mono<Void> retryOrGiveUp(Claimed message, String error) {
        Duration wait = backoff.after(message.attempt());
        if (message.windowStartedAt().plus(properties.giveUpAfter()).isBefore(clock.instant().plus(wait))) {
            log.warn("Webhook message {} dead-lettered after {} attempts: {}", message.messageId(), message.attempt(), error);
            deadLettered.increment();
            return finish(message, "dead", error);
        }
        return db.sql("""
                UPDATE webhook_message SET next_attempt_at = now() + make_interval(secs => :wait), last_error = :error
                WHERE id = :id AND attempts = :attempt AND state = 'pending'""")
                .bind("wait", (double) wait.toMillis() / 1000).bind("error", error)
                .bind("id", message.id()).bind("attempt", message.attempt())
                .then();
    }

    private Mono<Void> finish(Claimed message, String state, String error) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                UPDATE webhook_message SET state = :state, last_error = :error, finished_at = now()
                WHERE id = :id AND attempts = :attempt AND state = 'pending'""")
                .bind("state", state).bind("id", message.id()).bind("attempt", message.attempt());
        return (error == null ? update.bindNull("error", String.class) : update.bind("error", error)).then();
    }

}
