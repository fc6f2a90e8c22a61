package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.ResourceNotFoundException;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;

/** A citizen's in-app inbox: every notification, devices or not. */
@Service
public class InboxService {

    private final DatabaseClient db;
    private final PersonalDataHasher hasher;

    InboxService(DatabaseClient db, PersonalDataHasher hasher) {
        this.db = db;
        this.hasher = hasher;
    }

    /** One page, newest first; only the unread ones when asked. */
    public Mono<InboxPage> page(String citizenId, int page, int size, boolean unreadOnly) {
        String citizen = hasher.citizenRef(citizenId);
        String unread = unreadOnly ? " AND read_at IS NULL" : "";
        Mono<java.util.List<InboxEntry>> entries = db.sql("""
                SELECT id, dossier_code, event, status, dossier_version, due_at, created_at, read_at
                FROM notification WHERE citizen_ref = :citizen""" + unread + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("citizen", citizen)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(row -> new InboxEntry(row.get("id", Long.class), row.get("dossier_code", String.class),
                        NotificationEvent.valueOf(row.get("event", String.class)), row.get("status", Short.class),
                        row.get("dossier_version", Long.class), row.get("due_at", Instant.class),
                        row.get("created_at", Instant.class), row.get("read_at", Instant.class)))
                .all().collectList();
        Mono<long[]> counts = db.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
                FROM notification WHERE citizen_ref = :citizen""")
                .bind("citizen", citizen)
                .map(row -> new long[] {row.get("total", Long.class), row.get("unread", Long.class)})
                .one();
        return Mono.zip(entries, counts).map(found -> new InboxPage(found.getT1(), page, size,
                unreadOnly ? found.getT2()[1] : found.getT2()[0], found.getT2()[1]));
    }

    /** Marks one of the citizen's notifications read (again is fine); someone else's is not found. */
    public Mono<Void> markRead(String citizenId, long id) {
        return db.sql("UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = :id AND citizen_ref = :citizen")
                .bind("id", id)
                .bind("citizen", hasher.citizenRef(citizenId))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 0
                        ? Mono.error(new ResourceNotFoundException("notification", Long.toString(id)))
                        : Mono.empty());
    }

    /** Marks all of the citizen's notifications read; the number that were unread. */
    public Mono<Long> markAllRead(String citizenId) {
        return db.sql("UPDATE notification SET read_at = now() WHERE citizen_ref = :citizen AND read_at IS NULL")
                .bind("citizen", hasher.citizenRef(citizenId))
                .fetch().rowsUpdated();
    }
}
