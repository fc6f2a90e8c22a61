package vn.hanoi.hcc.bff.pointrecord;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.pointrecord.FinishedDossier.Pause;

/**
 * The {@code point_record} table and its refresh claim, and the dossiers the records are counted
 * from (read only). Every time in the claim is the database's, so that replicas agree on it.
 */
@Repository
class PointRecordRepository {

    private final DatabaseClient db;

    PointRecordRepository(DatabaseClient db) {
        this.db = db;
    }

    /** How many dossiers a point received in the window. */
    record Received(String pointId, long count) {}

    /**
     * Claims the next refresh for {@code lease} if the last one is at least {@code every} old and no
     * other claim's lease is running: one autocommitted statement, so of replicas claiming at once
     * one wins. The database's time now, when this claim won.
     */
    Mono<Instant> claim(UUID claim, Duration every, Duration lease) {
        return db.sql("""
                UPDATE point_record_refresh
                SET claim = :claim, claimed_until = now() + make_interval(secs => :lease)
                WHERE (window_to IS NULL OR window_to <= now() - make_interval(secs => :every))
                  AND (claimed_until IS NULL OR claimed_until < now())
                RETURNING now() AS now
                """)
                .bind("claim", claim)
                .bind("lease", seconds(lease))
                .bind("every", seconds(every))
                .map(row -> row.get("now", Instant.class))
                .one();
    }

    /** Gives a claim up (its refresh failed), so that the next replica to try need not wait for its lease. */
    Mono<Long> release(UUID claim) {
        return db.sql("UPDATE point_record_refresh SET claim = NULL, claimed_until = NULL WHERE claim = :claim")
                .bind("claim", claim)
                .fetch()
                .rowsUpdated();
    }

    /**
     * Records the window of the refresh this claim made, if the claim still holds (its lease not run
     * out, no other replica's since): the new generation, or empty when it no longer holds. Run in the
     * transaction that replaces the records.
     */
    Mono<Long> settle(UUID claim, Instant from, Instant to) {
        return db.sql("""
                UPDATE point_record_refresh
                SET generation = generation + 1, window_from = :from, window_to = :to, claim = NULL, claimed_until = NULL
                WHERE claim = :claim AND claimed_until > clock_timestamp()
                RETURNING generation
                """)
                .bind("claim", claim)
                .bind("from", from)
                .bind("to", to)
                .map(row -> row.get("generation", Long.class))
                .one();
    }

    /** Replaces every point's record. */
    Mono<Void> replaceAll(List<StoredRecord> records) {
        Mono<Long> insert = db.sql("""
                INSERT INTO point_record (point_id, received, finished, on_time_or_early, median_working_minutes,
                    ratings, satisfied)
                SELECT * FROM unnest(:points::varchar[], :received::int[], :finished::int[], :onTime::int[],
                    :median::int[], :ratings::int[], :satisfied::int[])
                """)
                .bind("points", records.stream().map(StoredRecord::pointId).toArray(String[]::new))
                .bind("received", ints(records, StoredRecord::received))
                .bind("finished", ints(records, StoredRecord::finished))
                .bind("onTime", ints(records, StoredRecord::onTimeOrEarly))
                .bind(
                        "median",
                        records.stream().map(StoredRecord::medianWorkingMinutes).toArray(Integer[]::new))
                .bind("ratings", ints(records, StoredRecord::ratings))
                .bind("satisfied", ints(records, StoredRecord::satisfied))
                .fetch()
                .rowsUpdated();
        return db.sql("DELETE FROM point_record")
                .fetch()
                .rowsUpdated()
                .then(insert)
                .then();
    }

    /** The generation of the records: a one-row read, for replicas to tell whether to reload. */
    Mono<Long> generation() {
        return db.sql("SELECT generation FROM point_record_refresh")
                .map(row -> row.get("generation", Long.class))
                .one();
    }

    /** Every record with its refresh's window, read in one statement (one snapshot). */
    Mono<RecordTable> load() {
        return db.sql("""
                SELECT s.generation, s.window_from, s.window_to, r.*
                FROM point_record_refresh s LEFT JOIN point_record r ON true
                """)
                .map(row -> new TableRow(
                        row.get("generation", Long.class),
                        row.get("window_from", Instant.class),
                        row.get("window_to", Instant.class),
                        row.get("point_id", String.class) == null ? null : toRecord(row)))
                .all()
                .collectList()
                .map(PointRecordRepository::toTable);
    }

    /** Every point's id, active or not: each gets a row. */
    Flux<String> pointIds() {
        return db.sql("SELECT id FROM service_point ORDER BY id")
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Dossiers received per point in the window, not counting those refused (3) or still waiting for acceptance (1). */
    Flux<Received> received(Instant from, Instant to) {
        return db.sql("""
                SELECT receiving_point_id, count(*) AS n FROM dossier
                WHERE received_at >= :from AND received_at < :to AND status NOT IN (1, 3)
                GROUP BY receiving_point_id
                """)
                .bind("from", from)
                .bind("to", to)
                .map(row -> new Received(row.get("receiving_point_id", String.class), row.get("n", Long.class)))
                .all();
    }

    /**
     * The dossiers whose result was ready (9, then maybe 10) in the window, each with the spans it
     * spent in 5 or 6: from the applied status event entering one to the next applied status event.
     */
    Flux<FinishedDossier> finished(Instant from, Instant to) {
        return db.sql("""
                WITH done AS (
                    SELECT id, receiving_point_id, status, received_at, finished_at, due_at FROM dossier
                    WHERE status IN (9, 10) AND finished_at >= :from AND finished_at < :to
                ), steps AS (
                    SELECT e.dossier_id, e.status, e.occurred_at,
                           lead(e.occurred_at) OVER (PARTITION BY e.dossier_id ORDER BY e.occurred_at, e.id) AS ended
                    FROM dossier_event e JOIN done ON done.id = e.dossier_id
                    WHERE e.applied AND e.kind IN ('FILED', 'STATUS')
                )
                SELECT done.*, steps.occurred_at AS paused_from, steps.ended AS paused_until
                FROM done LEFT JOIN steps ON steps.dossier_id = done.id AND steps.status IN (5, 6)
                ORDER BY done.id, steps.occurred_at
                """)
                .bind("from", from)
                .bind("to", to)
                .map(PointRecordRepository::toRow)
                .all()
                .bufferUntilChanged(FinishedRow::id)
                .map(PointRecordRepository::toDossier);
    }

    /** One dossier with at most one of its pauses. */
    private record FinishedRow(long id, FinishedDossier dossier, Pause pause) {}

    private static FinishedRow toRow(Readable row) {
        Instant finishedAt = row.get("finished_at", Instant.class);
        Instant pausedFrom = row.get("paused_from", Instant.class);
        Instant pausedUntil = row.get("paused_until", Instant.class);
        return new FinishedRow(
                row.get("id", Long.class),
                new FinishedDossier(
                        row.get("receiving_point_id", String.class),
                        DossierStatus.of(row.get("status", Short.class)),
                        row.get("received_at", Instant.class),
                        finishedAt,
                        row.get("due_at", Instant.class),
                        List.of()),
                pausedFrom == null ? null : new Pause(pausedFrom, pausedUntil == null ? finishedAt : pausedUntil));
    }

    private static FinishedDossier toDossier(List<FinishedRow> rows) {
        FinishedDossier first = rows.get(0).dossier();
        List<Pause> pauses = new ArrayList<>();
        rows.stream().map(FinishedRow::pause).filter(Objects::nonNull).forEach(pauses::add);
        return new FinishedDossier(
                first.pointId(), first.status(), first.receivedAt(), first.finishedAt(), first.dueAt(), pauses);
    }

    private static StoredRecord toRecord(Readable row) {
        return new StoredRecord(
                row.get("point_id", String.class),
                row.get("received", Integer.class),
                row.get("finished", Integer.class),
                row.get("on_time_or_early", Integer.class),
                row.get("median_working_minutes", Integer.class),
                row.get("ratings", Integer.class),
                row.get("satisfied", Integer.class));
    }

    /** The refresh's state with one record, or none when there are no records yet. */
    private record TableRow(long generation, Instant from, Instant to, StoredRecord record) {}

    private static RecordTable toTable(List<TableRow> rows) {
        Map<String, StoredRecord> records = new HashMap<>();
        rows.stream()
                .map(TableRow::record)
                .filter(Objects::nonNull)
                .forEach(record -> records.put(record.pointId(), record));
        TableRow state = rows.get(0);
        return new RecordTable(state.generation(), state.from(), state.to(), Map.copyOf(records));
    }

    private static Integer[] ints(List<StoredRecord> records, ToLongFunction<StoredRecord> count) {
        return records.stream()
                .map(record -> Math.toIntExact(count.applyAsLong(record)))
                .toArray(Integer[]::new);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
