package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads an outbox table's backlog, for the repositories of both outboxes. */
public final class BacklogRepository {

    private BacklogRepository() {}

    /**
     * One count over the table's pending rows, which are few and which its partial index on pending
     * messages holds. {@code table} is the calling repository's own constant, never input.
     */
    public static Mono<Backlog> read(DatabaseClient db, String table) {
        return db.sql("SELECT count(*) AS pending,"
                        + " coalesce(extract(epoch FROM now() - min(created_at))::float8, 0) AS oldest_seconds"
                        + " FROM " + table + " WHERE state = 'pending'")
                .map(row -> new Backlog(
                        row.get("pending", Long.class),
                        Duration.ofMillis(Math.round(row.get("oldest_seconds", Double.class) * 1000))))
                .one();
    }
}
