package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;

/**
 * The forecast's tables (V13): the samples of finished dossiers, the distributions per group, and
 * the refresh's state row, which is also its claim.
 */
@Repository
class ForecastRepository {

    /** {@code ARRAY[0, 0.01, ..., 1]}: the fractions of the 101 percentiles. */
    private static final String POINTS = IntStream.range(0, DurationDistribution.POINTS)
            .mapToObj(i -> Double.toString(i / 100.0))
            .collect(Collectors.joining(",", "ARRAY[", "]::float8[]"));

    private static final String GROUPS_OF_SAMPLE = """
            CROSS JOIN LATERAL (VALUES ('PROCEDURE_AT_AGENCY', s.procedure_code || '@' || s.agency_code),
                                       ('PROCEDURE', s.procedure_code), ('FIELD', s.field)) AS k (level, key)""";

    private final DatabaseClient db;

    ForecastRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The refresh's bookkeeping. */
    record State(String lastTxid, long lastEventId, Instant windowFrom, Instant windowTo, long version) {}

    /** A dossier's result event, in change-feed order. */
    record Finished(String txid, long eventId, long dossierId) {}

    /** The state row, locked for this transaction; empty while another replica refreshes. */
    Mono<State> claim() {
        return readState(" FOR UPDATE SKIP LOCKED");
    }

    /** The state as last saved, unlocked: what the replicas' copies are compared with. */
    Mono<State> state() {
        return readState("");
    }

    private Mono<State> readState(String lock) {
        return db.sql("SELECT last_txid::text AS last_txid, last_event_id, window_from, window_to, version"
                        + " FROM forecast_state WHERE id = 1" + lock)
                .map(row -> new State(
                        row.get("last_txid", String.class),
                        row.get("last_event_id", Long.class),
                        row.get("window_from", Instant.class),
                        row.get("window_to", Instant.class),
                        row.get("version", Long.class)))
                .one();
    }

    /**
     * Results (applied status-9 events) after the position, of transactions older than every one
     * still running, so that none committed later behind the position is ever skipped.
     */
    Flux<Finished> finishedAfter(String txid, long eventId, int limit) {
        return db.sql("""
                        SELECT e.txid::text AS txid, e.id, e.dossier_id FROM dossier_event e
                        WHERE (e.txid, e.id) > (CAST(:txid AS xid8), :eventId)
                          AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
                          AND e.status = 9 AND e.applied
                        ORDER BY e.txid, e.id LIMIT :limit""")
                .bind("txid", txid)
                .bind("eventId", eventId)
                .bind("limit", limit)
                .map(row -> new Finished(
                        row.get("txid", String.class), row.get("id", Long.class), row.get("dossier_id", Long.class)))
                .all();
    }

    /** The newest event position every transaction before which has ended; empty with no event. */
    Mono<Finished> settledEnd() {
        return db.sql("""
                        SELECT e.txid::text AS txid, e.id, e.dossier_id FROM dossier_event e
                        WHERE e.txid < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY e.txid DESC, e.id DESC LIMIT 1""")
                .map(row -> new Finished(
                        row.get("txid", String.class), row.get("id", Long.class), row.get("dossier_id", Long.class)))
                .one();
    }

    /** One applied status event of a dossier. */
    record TimelineRow(long dossierId, StatusEvent event) {}

    /** The applied status events of these dossiers, each dossier's in the order they happened. */
    Flux<TimelineRow> timelines(Collection<Long> dossierIds) {
        return db.sql("""
                        SELECT dossier_id, status, occurred_at FROM dossier_event
                        WHERE dossier_id = ANY(:ids) AND applied AND status IS NOT NULL
                        ORDER BY dossier_id, occurred_at, id""")
                .bind("ids", dossierIds.toArray(Long[]::new))
                .map(row -> new TimelineRow(
                        row.get("dossier_id", Long.class),
                        new StatusEvent(
                                DossierStatus.of(row.get("status", Short.class)),
                                row.get("occurred_at", Instant.class))))
                .all();
    }

    /** Records these durations (working seconds) of finished dossiers; the groups they belong to. */
    Flux<Group> insertSamples(List<Long> dossierIds, List<Integer> workingSeconds) {
        return db.sql("""
                        WITH inserted AS (
                          INSERT INTO forecast_sample (dossier_id, procedure_code, agency_code, field, finished_at,
                                                       working_seconds)
                          SELECT d.id, d.procedure_code, d.agency_code, d.field, d.finished_at, u.seconds
                          FROM unnest(:ids::bigint[], :seconds::int[]) AS u (id, seconds) JOIN dossier d ON d.id = u.id
                          WHERE d.finished_at IS NOT NULL
                          ON CONFLICT (dossier_id) DO NOTHING
                          RETURNING procedure_code, agency_code, field)
                        SELECT DISTINCT k.level, k.key FROM inserted s\n""" + GROUPS_OF_SAMPLE)
                .bind("ids", dossierIds.toArray(Long[]::new))
                .bind("seconds", workingSeconds.toArray(Integer[]::new))
                .map(row ->
                        new Group(ForecastLevel.valueOf(row.get("level", String.class)), row.get("key", String.class)))
                .all();
    }

    /** The groups of the samples whose results fall in [from, to): those a moving window drops. */
    Flux<Group> groupsFinishedBetween(Instant from, Instant to) {
        return db.sql("SELECT DISTINCT k.level, k.key FROM forecast_sample s " + GROUPS_OF_SAMPLE
                        + " WHERE s.finished_at >= :from AND s.finished_at < :to")
                .bind("from", from)
                .bind("to", to)
                .map(row ->
                        new Group(ForecastLevel.valueOf(row.get("level", String.class)), row.get("key", String.class)))
                .all();
    }

    /**
     * Recomputes these groups' distributions over the samples with results since {@code from}, at
     * this version (count 0 and no percentiles for a group left without any).
     */
    Mono<Long> rebuild(Collection<Group> groups, Instant from, long version) {
        return db.sql("""
                        WITH changed (level, key) AS (SELECT * FROM unnest(:levels::text[], :keys::text[])),
                        grouped AS (
                          SELECT k.level, k.key, count(*)::int AS n,
                                 percentile_cont(""" + POINTS + """
                        ) WITHIN GROUP (ORDER BY s.working_seconds) AS p
                          FROM forecast_sample s
                        """ + GROUPS_OF_SAMPLE + """

                          WHERE s.finished_at >= :from
                            AND (s.procedure_code = ANY(:keys) OR s.field = ANY(:keys)
                                 OR s.procedure_code || '@' || s.agency_code = ANY(:keys))
                            AND (k.level, k.key) IN (SELECT level, key FROM changed)
                          GROUP BY k.level, k.key)
                        INSERT INTO forecast_distribution (level, key, sample_count, percentiles, version)
                        SELECT c.level, c.key, coalesce(g.n, 0),
                               coalesce((SELECT array_agg(round(x)::int ORDER BY o)
                                         FROM unnest(g.p) WITH ORDINALITY AS u (x, o)), '{}'),
                               :version
                        FROM changed c LEFT JOIN grouped g ON g.level = c.level AND g.key = c.key
                        ON CONFLICT (level, key) DO UPDATE
                          SET sample_count = excluded.sample_count, percentiles = excluded.percentiles,
                              version = excluded.version""")
                .bind(
                        "levels",
                        groups.stream().map(group -> group.level().name()).toArray(String[]::new))
                .bind("keys", groups.stream().map(Group::key).toArray(String[]::new))
                .bind("from", from)
                .bind("version", version)
                .fetch()
                .rowsUpdated();
    }

    Mono<Void> save(State state) {
        return db.sql("""
                        UPDATE forecast_state SET last_txid = CAST(:txid AS xid8), last_event_id = :eventId,
                          window_from = :from, window_to = :to, version = :version, refreshed_at = now()
                        WHERE id = 1""")
                .bind("txid", state.lastTxid())
                .bind("eventId", state.lastEventId())
                .bind("from", state.windowFrom())
                .bind("to", state.windowTo())
                .bind("version", state.version())
                .then();
    }

    /** One group's distribution as stored; no distribution when its count is 0. */
    record StoredDistribution(Group group, int count, int[] percentiles) {}

    /** The distributions written after version {@code after} up to {@code upTo}. */
    Flux<StoredDistribution> changedBetween(long after, long upTo) {
        return db.sql("SELECT level, key, sample_count, percentiles FROM forecast_distribution"
                        + " WHERE version > :after AND version <= :upTo")
                .bind("after", after)
                .bind("upTo", upTo)
                .map(row -> {
                    Integer[] stored = row.get("percentiles", Integer[].class);
                    int[] percentiles = new int[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        percentiles[i] = stored[i];
                    }
                    return new StoredDistribution(
                            new Group(
                                    ForecastLevel.valueOf(row.get("level", String.class)),
                                    row.get("key", String.class)),
                            row.get("sample_count", Integer.class),
                            percentiles);
                })
                .all();
    }
}
