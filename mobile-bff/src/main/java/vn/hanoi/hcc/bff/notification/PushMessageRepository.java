package vn.hanoi.hcc.bff.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.outbox.Backlog;
import vn.hanoi.hcc.bff.outbox.BacklogRepository;
import vn.hanoi.hcc.bff.outbox.OutboxRepository;
import vn.hanoi.hcc.bff.outbox.Settlement;

/**
 * The push outbox as the dispatcher sees it. Claiming takes due messages with
 * {@code FOR UPDATE SKIP LOCKED} and pushes their next attempt a lease ahead, in one autocommitted
 * statement: any number of dispatchers never take the same message, and one that dies after
 * claiming leaves its messages to be claimed again when the lease runs out. Every outcome is
 * written only if the message is still at the attempt this dispatcher claimed.
 */
@Repository
class PushMessageRepository implements OutboxRepository<PushMessage> {

    private final DatabaseClient db;

    PushMessageRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String channel() {
        return "push";
    }

    @Override
    public Mono<Backlog> backlog() {
        return BacklogRepository.read(db, "push_message");
    }

    @Override
    public Flux<PushMessage> claim(int limit, Duration lease) {
        return db.sql("""
                WITH due AS (
                    SELECT id FROM push_message WHERE state = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE push_message m SET attempts = m.attempts + 1,
                        next_attempt_at = now() + make_interval(secs => :lease)
                    FROM due WHERE m.id = due.id
                    RETURNING m.id, m.notification_id, m.device_token, m.platform, m.locale, m.attempts, m.trace_parent)
                SELECT c.id, c.device_token, c.platform, c.locale, c.attempts, c.trace_parent,
                    n.dossier_code, n.event, n.status, n.dossier_version, n.due_at
                FROM claimed c JOIN notification n ON n.id = c.notification_id
                ORDER BY c.id""")
                .bind("limit", limit)
                .bind("lease", (double) lease.toMillis() / 1000)
                .map(row -> new PushMessage(
                        row.get("id", Long.class),
                        row.get("device_token", String.class),
                        row.get("platform", String.class),
                        row.get("locale", String.class),
                        row.get("attempts", Integer.class),
                        row.get("dossier_code", String.class),
                        NotificationEvent.valueOf(row.get("event", String.class)),
                        row.get("status", Short.class),
                        row.get("dossier_version", Long.class),
                        row.get("due_at", Instant.class),
                        row.get("trace_parent", String.class)))
                .all();
    }

    /**
     * One statement per verdict: sent with FCM's message id, dropped (and the device's token forgotten:
     * no phone answers to it any more), dead, or pending again after its own wait.
     */
    @Override
    public Mono<Void> settle(List<Settlement<PushMessage>> settlements) {
        Map<Settlement.Verdict, List<Settlement<PushMessage>>> byVerdict = settlements.stream()
                .collect(Collectors.groupingBy(
                        Settlement::verdict, () -> new EnumMap<>(Settlement.Verdict.class), Collectors.toList()));
        List<Settlement<PushMessage>> dropped = byVerdict.getOrDefault(Settlement.Verdict.DROPPED, List.of());
        return Mono.when(
                sent(byVerdict.getOrDefault(Settlement.Verdict.SENT, List.of())),
                finish(dropped, "dropped"),
                forgetTokens(dropped.stream()
                        .map(settled -> settled.message().token())
                        .distinct()
                        .toList()),
                finish(byVerdict.getOrDefault(Settlement.Verdict.DEAD, List.of()), "dead"),
                retryLater(byVerdict.getOrDefault(Settlement.Verdict.RETRY, List.of())));
    }

    private Mono<Long> sent(List<Settlement<PushMessage>> sent) {
        if (sent.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                UPDATE push_message m SET state = 'sent', fcm_message_id = x.message_id, last_error = NULL,
                    finished_at = now()
                FROM unnest(:ids::bigint[], :attempts::int[], :messageIds::text[]) AS x(id, attempt, message_id)
                WHERE m.id = x.id AND m.attempts = x.attempt AND m.state = 'pending'""")
                .bind("ids", ids(sent))
                .bind("attempts", attempts(sent))
                .bind("messageIds", details(sent))
                .fetch()
                .rowsUpdated();
    }

    /** Ends the messages in this state ('dropped' or 'dead') with their errors. */
    private Mono<Long> finish(List<Settlement<PushMessage>> ended, String state) {
        if (ended.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                UPDATE push_message m SET state = :state, last_error = x.error, finished_at = now()
                FROM unnest(:ids::bigint[], :attempts::int[], :errors::text[]) AS x(id, attempt, error)
                WHERE m.id = x.id AND m.attempts = x.attempt AND m.state = 'pending'""")
                .bind("state", state)
                .bind("ids", ids(ended))
                .bind("attempts", attempts(ended))
                .bind("errors", details(ended))
                .fetch()
                .rowsUpdated();
    }

    /** Schedules the next attempt of each message after its own wait. */
    private Mono<Long> retryLater(List<Settlement<PushMessage>> later) {
        if (later.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                UPDATE push_message m SET next_attempt_at = now() + make_interval(secs => x.delay), last_error = x.error
                FROM unnest(:ids::bigint[], :attempts::int[], :delays::float8[], :errors::text[])
                    AS x(id, attempt, delay, error)
                WHERE m.id = x.id AND m.attempts = x.attempt AND m.state = 'pending'""")
                .bind("ids", ids(later))
                .bind("attempts", attempts(later))
                .bind(
                        "delays",
                        later.stream()
                                .map(settled -> (double) settled.delay().toMillis() / 1000)
                                .toArray(Double[]::new))
                .bind("errors", details(later))
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> requeueDead(long id) {
        return db.sql("""
                UPDATE push_message SET state = 'pending', attempts = 0, next_attempt_at = now(), finished_at = NULL
                WHERE id = :id AND state = 'dead'""").bind("id", id).fetch().rowsUpdated();
    }

    @Override
    public Mono<String> stateOf(long id) {
        return db.sql("SELECT state FROM push_message WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("state", String.class))
                .one();
    }

    /** Forgets tokens FCM says are dead: no one's phone answers to them any more. */
    private Mono<Long> forgetTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("DELETE FROM device WHERE token = ANY(:tokens::varchar[])")
                .bind("tokens", tokens.toArray(String[]::new))
                .fetch()
                .rowsUpdated();
    }

    private static Long[] ids(List<Settlement<PushMessage>> settlements) {
        return settlements.stream().map(settled -> settled.message().id()).toArray(Long[]::new);
    }

    private static Integer[] attempts(List<Settlement<PushMessage>> settlements) {
        return settlements.stream().map(settled -> settled.message().attempt()).toArray(Integer[]::new);
    }

    private static String[] details(List<Settlement<PushMessage>> settlements) {
        return settlements.stream().map(Settlement::detail).toArray(String[]::new);
    }
}
