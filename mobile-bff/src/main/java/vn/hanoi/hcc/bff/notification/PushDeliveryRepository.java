package vn.hanoi.hcc.bff.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code push_message} table as the Center reads it: each message's delivery state, with its notification. */
@Repository
class PushDeliveryRepository {

    private final DatabaseClient db;

    PushDeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The newest messages in this state (any state when null), optionally of one dossier. */
    Mono<List<PushDelivery>> findNewest(String state, String dossierCode, int limit) {
        String where = (state == null ? "" : " AND m.state = :state")
                + (dossierCode == null ? "" : " AND n.dossier_code = :code");
        DatabaseClient.GenericExecuteSpec query = db.sql("""
                SELECT m.id, n.dossier_code, n.event, m.platform, right(m.device_token, 6) AS token_ending, m.state,
                    m.attempts, m.last_error, m.created_at, m.next_attempt_at, m.finished_at
                FROM push_message m JOIN notification n ON n.id = m.notification_id WHERE true""" + where + " ORDER BY m.id DESC LIMIT :limit");
        if (state != null) {
            query = query.bind("state", state);
        }
        if (dossierCode != null) {
            query = query.bind("code", dossierCode);
        }
        return query.bind("limit", limit)
                .map(row -> new PushDelivery(
                        row.get("id", Long.class),
                        row.get("dossier_code", String.class),
                        NotificationEvent.valueOf(row.get("event", String.class)),
                        row.get("platform", String.class),
                        row.get("token_ending", String.class),
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
