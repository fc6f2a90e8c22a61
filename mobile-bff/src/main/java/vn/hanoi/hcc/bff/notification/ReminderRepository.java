package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.outbox.OutboxTracing;

/**
 * The dossiers that may be due a reminder, and the queuing of one, exactly once: the reminder's key
 * (dossier, kind, wait, number) is inserted first, and only the statement that inserted it writes the
 * inbox entry and the pushes, so replicas that find the same reminder at once queue it once.
 */
@Repository
class ReminderRepository {

    /** The candidates' query (its plan is checked by a test: the partial index, never the whole table). */
    static final String CANDIDATES = """
                SELECT d.id, d.status, d.status_at, r.sent, r.last_sent_at
                FROM dossier d
                CROSS JOIN LATERAL (
                    SELECT count(*) AS sent, max(sent_at) AS last_sent_at FROM dossier_reminder r
                    WHERE r.dossier_id = d.id AND r.episode_at = d.status_at) r
                WHERE d.status IN (5, 6, 9) AND d.status_at > :after AND d.status_at <= :before
                    AND (d.status_at, d.id) > (:cursorAt, :cursorId)
                    AND NOT (d.status = 9 AND d.result_delivery = 'postal')
                    AND NOT EXISTS (SELECT 1 FROM dossier_reminder_opt_out o WHERE o.dossier_id = d.id)
                    AND r.sent < :max AND (r.last_sent_at IS NULL OR r.last_sent_at <= :lastSentBefore)
                ORDER BY d.status_at, d.id LIMIT :limit""";

    private final DatabaseClient db;
    private final OutboxTracing tracing;

    ReminderRepository(DatabaseClient db, OutboxTracing tracing) {
        this.db = db;
        this.tracing = tracing;
    }

    /** Where a scan is: after this (status_at, id). */
    record Cursor(Instant waitingSince, long dossierId) {
        static final Cursor START = new Cursor(Instant.EPOCH, 0);
    }

    /** What a scan looks for: waits begun in (after, before], reminders fewer than max, the last before lastSentBefore. */
    record Bounds(Instant waitingAfter, Instant waitingBefore, int maxReminders, Instant lastSentBefore) {}

    /**
     * Up to {@code limit} candidates after the cursor, in (status_at, id) order, through the partial
     * index on dossiers in 5, 6 and 9: dossiers whose owner opted out, results that the post brings
     * (nothing to collect), and waits whose series is over or reminded too recently are left out.
     */
    Mono<List<ReminderCandidate>> candidates(Bounds bounds, Cursor after, int limit) {
        return db.sql(CANDIDATES)
                .bind("after", bounds.waitingAfter())
                .bind("before", bounds.waitingBefore())
                .bind("cursorAt", after.waitingSince())
                .bind("cursorId", after.dossierId())
                .bind("max", bounds.maxReminders())
                .bind("lastSentBefore", bounds.lastSentBefore())
                .bind("limit", limit)
                .map(row -> new ReminderCandidate(
                        row.get("id", Long.class),
                        DossierStatus.of(row.get("status", Short.class)),
                        row.get("status_at", Instant.class),
                        row.get("sent", Long.class).intValue(),
                        row.get("last_sent_at", Instant.class)))
                .all()
                .collectList();
    }

    /**
     * Queues reminder number {@code sent + 1} of the candidate's wait, if it is still waiting in the
     * same status since the same time, its owner has not opted out, and no one queued it already: the
     * inbox entry and one push per device, in one statement.
     *
     * @return whether this call queued it (false: another replica did, or the dossier moved on)
     */
    Mono<Boolean> queue(ReminderCandidate candidate, Instant now) {
        return db.sql("""
                WITH reminder AS (
                    INSERT INTO dossier_reminder (dossier_id, kind, episode_at, ordinal, sent_at)
                    SELECT d.id, :event, d.status_at, :ordinal, :now FROM dossier d
                    WHERE d.id = :id AND d.status = :status AND d.status_at = :waitingSince
                        AND NOT EXISTS (SELECT 1 FROM dossier_reminder_opt_out o WHERE o.dossier_id = d.id)
                    ON CONFLICT DO NOTHING
                    RETURNING dossier_id),
                inbox AS (
                    INSERT INTO notification (citizen_ref, dossier_code, event, status, dossier_version, due_at)
                    SELECT d.applicant_ref, d.code, :event, d.status, d.version, d.due_at
                    FROM reminder JOIN dossier d ON d.id = reminder.dossier_id
                    RETURNING id, citizen_ref),
                pushes AS (""" + NotificationRepository.PUSH_TO_EVERY_DEVICE + """
                    )
                SELECT count(*) AS queued FROM inbox""")
                .bind("event", candidate.event().name())
                .bind("ordinal", (short) (candidate.sent() + 1))
                .bind("now", now)
                .bind("id", candidate.dossierId())
                .bind("status", (short) candidate.status().code())
                .bind("waitingSince", candidate.waitingSince())
                .bind("traceParent", Parameter.fromOrEmpty(tracing.currentTraceParent(), String.class))
                .map(row -> row.get("queued", Long.class) > 0)
                .one();
    }
}
