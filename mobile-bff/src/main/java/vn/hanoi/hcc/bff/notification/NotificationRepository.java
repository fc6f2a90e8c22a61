package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.outbox.OutboxTracing;

/**
 * The {@code notification} table: what is queued for a citizen along with a dossier's change, and
 * their inbox of it.
 */
@Repository
class NotificationRepository {

    /**
     * One push message per device of the owner, for the notifications just written by a CTE named
     * {@code inbox} that returns their {@code id} and {@code citizen_ref}.
     */
    static final String PUSH_TO_EVERY_DEVICE = """
            INSERT INTO push_message (notification_id, device_token, platform, locale, trace_parent)
            SELECT inbox.id, device.token, device.platform, device.locale, :traceParent
            FROM inbox JOIN device ON device.citizen_ref = inbox.citizen_ref""";

    private final DatabaseClient db;
    private final OutboxTracing tracing;

    NotificationRepository(DatabaseClient db, OutboxTracing tracing) {
        this.db = db;
        this.tracing = tracing;
    }

    /** How many notifications a citizen has, and how many of them are unread. */
    record Counts(long total, long unread) {}

    /**
     * Writes a notification into the owner's inbox and one push message per device they have, in one
     * statement. Called inside the transaction of the status change: both commit, or neither.
     *
     * @return the number of push messages queued (0 when the citizen has no device)
     */
    Mono<Long> queue(NewNotification notification) {
        return db.sql("""
                WITH inbox AS (
                    INSERT INTO notification (citizen_ref, dossier_code, event, status, dossier_version, due_at)
                    VALUES (:citizen, :code, :event, :status, :version, :dueAt)
                    RETURNING id, citizen_ref)
                """ + PUSH_TO_EVERY_DEVICE)
                .bind("citizen", notification.citizenRef())
                .bind("code", notification.dossierCode())
                .bind("event", notification.event().name())
                .bind("status", (short) notification.status())
                .bind("version", notification.version())
                .bind("dueAt", notification.dueAt())
                .bind("traceParent", Parameter.fromOrEmpty(tracing.currentTraceParent(), String.class))
                .fetch()
                .rowsUpdated();
    }

    /** One page of the citizen's notifications, newest first; only the unread ones when asked. */
    Mono<List<InboxEntry>> findPage(String citizenRef, int page, int size, boolean unreadOnly) {
        String unread = unreadOnly ? " AND read_at IS NULL" : "";
        return db.sql("""
                SELECT id, dossier_code, event, status, dossier_version, due_at, created_at, read_at
                FROM notification WHERE citizen_ref = :citizen""" + unread + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("citizen", citizenRef)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(row -> new InboxEntry(
                        row.get("id", Long.class),
                        row.get("dossier_code", String.class),
                        NotificationEvent.valueOf(row.get("event", String.class)),
                        row.get("status", Short.class),
                        row.get("dossier_version", Long.class),
                        row.get("due_at", Instant.class),
                        row.get("created_at", Instant.class),
                        row.get("read_at", Instant.class)))
                .all()
                .collectList();
    }

    Mono<Counts> count(String citizenRef) {
        return db.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
                FROM notification WHERE citizen_ref = :citizen""")
                .bind("citizen", citizenRef)
                .map(row -> new Counts(row.get("total", Long.class), row.get("unread", Long.class)))
                .one();
    }

    /** Marks one of the citizen's notifications read (again is fine); 0 when the citizen has none with this id. */
    Mono<Long> markRead(String citizenRef, long id) {
        return db.sql(
                        "UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = :id AND citizen_ref = :citizen")
                .bind("id", id)
                .bind("citizen", citizenRef)
                .fetch()
                .rowsUpdated();
    }

    /** Marks all of the citizen's notifications read; the number that were unread. */
    Mono<Long> markAllRead(String citizenRef) {
        return db.sql("UPDATE notification SET read_at = now() WHERE citizen_ref = :citizen AND read_at IS NULL")
                .bind("citizen", citizenRef)
                .fetch()
                .rowsUpdated();
    }
}
