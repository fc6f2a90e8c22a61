package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * The change feed: every event of every dossier the caller may see, once each, in a stable order.
 * Each event row records its writing transaction ({@code pg_current_xact_id()}); a page only reads
 * rows of transactions older than every transaction still running ({@code pg_snapshot_xmin}), and
 * orders by (transaction, event). A transaction that commits late therefore never lands behind a
 * cursor already handed out: nothing is skipped, nothing repeated. The price is that a change shows
 * once the transactions begun before it have ended (usually milliseconds).
 */
@Service
public class DossierFeedService {

    private static final String FEED = """
            SELECT e.id, e.txid::text AS txid, d.code, e.event_id, e.client_id, e.kind, e.status, e.occurred_at,
                   e.agency, e.note, e.due_at, e.reason, e.applied, e.status_after, e.due_after, e.version_after,
                   e.recorded_at
            FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
            WHERE (e.txid, e.id) > (CAST(:txid AS xid8), :eventId)
              AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
            """;

    private final DatabaseClient db;

    DossierFeedService(DatabaseClient db) {
        this.db = db;
    }

    /** Up to {@code limit} changes after the cursor: all dossiers for the city system, its own for an agent. */
    public Mono<FeedPage> changes(Caller client, FeedCursor after, int limit) {
        DatabaseClient.GenericExecuteSpec query = db.sql(FEED
                        + (client.seesAllDossiers() ? "" : " AND e.filed_by_client = :client")
                        + " ORDER BY e.txid, e.id LIMIT :limit")
                .bind("txid", after.txid())
                .bind("eventId", after.eventId())
                .bind("limit", limit);
        if (!client.seesAllDossiers()) {
            query = query.bind("client", client.subject());
        }
        return query.map(row -> new Positioned(new FeedCursor(row.get("txid", String.class), row.get("id", Long.class)),
                        new FeedItem(row.get("code", String.class), row.get("event_id", String.class),
                                row.get("client_id", String.class), EventKind.valueOf(row.get("kind", String.class)),
                                status(row.get("status", Short.class)), row.get("occurred_at", Instant.class),
                                row.get("agency", String.class), row.get("note", String.class),
                                row.get("due_at", Instant.class), row.get("reason", String.class),
                                Boolean.TRUE.equals(row.get("applied", Boolean.class)),
                                status(row.get("status_after", Short.class)), row.get("due_after", Instant.class),
                                row.get("version_after", Long.class), row.get("recorded_at", Instant.class))))
                .all()
                .collectList()
                .map(page -> new FeedPage(page.stream().map(Positioned::item).toList(),
                        page.isEmpty() ? after : page.get(page.size() - 1).position(), page.size() == limit));
    }

    private static DossierStatus status(Short code) {
        return code == null ? null : DossierStatus.of(code);
    }

    private record Positioned(FeedCursor position, FeedItem item) {
    }
}
