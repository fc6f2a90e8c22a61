package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * What waits in an outbox: the pending messages, and how long the oldest has waited since it was
 * written (zero when none waits).
 */
public record Backlog(long pending, Duration oldestAge) {

    public static final Backlog EMPTY = new Backlog(0, Duration.ZERO);

    /**
     * Reads an outbox table's backlog: one count over its pending rows, which are few and which its
     * partial index on pending messages holds. {@code table} is the repository's own constant.
     */
    public static Mono<Backlog> of(DatabaseClient db, String table) {
        return db.sql("SELECT count(*) AS pending,"
                        + " coalesce(extract(epoch FROM now() - min(created_at))::float8, 0) AS oldest_seconds"
                        + " FROM " + table + " WHERE state = 'pending'")
                .map(row -> new Backlog(
                        row.get("pending", Long.class),
                        Duration.ofMillis(Math.round(row.get("oldest_seconds", Double.class) * 1000))))
                .one();
    }
}
