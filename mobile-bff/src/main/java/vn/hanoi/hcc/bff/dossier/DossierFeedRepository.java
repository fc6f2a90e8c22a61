package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The {@code dossier_event} rows as the change feed reads them: in (transaction, event) order, and
 * only those of transactions older than every one still running, as {@link DossierFeedService}
 * explains.
 */
@Repository
class DossierFeedRepository {

    private static final String FEED = """
            SELECT e.id, e.txid::text AS txid, d.code, e.event_id, e.client_id, e.kind, e.status, e.occurred_at,
                   e.agency, e.note, e.due_at, e.reason, e.applied, e.status_after, e.due_after, e.version_after,
                   e.recorded_at
            FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
            WHERE (e.txid, e.id) > (CAST(:txid AS xid8), :eventId)
              AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
            """;

    private final DatabaseClient db;

    DossierFeedRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A change of the feed, with the position just after it. */
    record Positioned(FeedCursor position, FeedItem item) {}

    /**
     * Up to {@code limit} changes after the cursor.
     *
     * @param filedBy only the events of dossiers this client filed, or null for every dossier's
     */
    Flux<Positioned> findAfter(FeedCursor after, String filedBy, int limit) {
        DatabaseClient.GenericExecuteSpec query = db.sql(FEED
                        + (filedBy == null ? "" : " AND e.filed_by_client = :client")
                        + " ORDER BY e.txid, e.id LIMIT :limit")
                .bind("txid", after.txid())
                .bind("eventId", after.eventId())
                .bind("limit", limit);
        if (filedBy != null) {
            query = query.bind("client", filedBy);
        }
        return query.map(row -> new Positioned(
                        new FeedCursor(row.get("txid", String.class), row.get("id", Long.class)),
                        new FeedItem(
                                row.get("code", String.class),
                                row.get("event_id", String.class),
                                row.get("client_id", String.class),
                                EventKind.valueOf(row.get("kind", String.class)),
                                status(row.get("status", Short.class)),
                                row.get("occurred_at", Instant.class),
                                row.get("agency", String.class),
                                row.get("note", String.class),
                                row.get("due_at", Instant.class),
                                row.get("reason", String.class),
                                Boolean.TRUE.equals(row.get("applied", Boolean.class)),
                                status(row.get("status_after", Short.class)),
                                row.get("due_after", Instant.class),
                                row.get("version_after", Long.class),
                                row.get("recorded_at", Instant.class))))
                .all();
    }

    private static DossierStatus status(Short code) {
        return code == null ? null : DossierStatus.of(code);
    }
}
