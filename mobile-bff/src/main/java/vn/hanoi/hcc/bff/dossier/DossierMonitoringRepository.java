package vn.hanoi.hcc.bff.dossier;

import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The {@code dossier} table as the Center watches it: the running dossiers at risk, and counts per
 * branch group. The timing class is derived in SQL with the same rules as {@link TimingClass#of},
 * which a test holds them to.
 */
@Repository
class DossierMonitoringRepository {

    static final String TIMING_CLASS_SQL = """
            CASE
              WHEN d.status IN (5, 6) THEN 'PAUSED'
              WHEN d.status IN (9, 10) THEN CASE
                WHEN coalesce(d.finished_at, now()) > d.due_at THEN 'LATE'
                WHEN (coalesce(d.finished_at, now()) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                     < (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date THEN 'EARLY'
                ELSE 'ON_TIME' END
              WHEN d.status IN (1, 2, 4) THEN CASE
                WHEN now() > d.due_at THEN 'OVERDUE'
                WHEN now() + interval '24 hours' > d.due_at THEN 'DUE_SOON'
                ELSE 'ON_TIME' END
              ELSE 'CLOSED'
            END""";

    private final DatabaseClient db;

    DossierMonitoringRepository(DatabaseClient db) {
        this.db = db;
    }

    /** How many dossiers of a branch group are in this status and this timing class. */
    record Count(String branch, DossierStatus status, TimingClass timing, long n) {}

    /** Running dossiers overdue or due within 24 h, with their receiving points, the most overdue first. */
    Flux<DossierRecord> findAtRisk(AtRiskFilter filter, int page, int size) {
        List<String> conditions =
                new ArrayList<>(List.of("d.status IN (1, 2, 4)", "d.due_at < now() + interval '24 hours'"));
        filter.timingClass()
                .ifPresent(timing ->
                        conditions.add(timing == TimingClass.OVERDUE ? "d.due_at < now()" : "d.due_at >= now()"));
        return find(conditions, filter, size, page * size);
    }

    /** Running dossiers (1, 2, 4, 5, 6) not yet overdue, the nearest due time first, at most {@code limit}. */
    Flux<DossierRecord> findNotYetOverdue(AtRiskFilter filter, int limit) {
        return find(new ArrayList<>(List.of("d.status IN (1, 2, 4, 5, 6)", "d.due_at >= now()")), filter, limit, 0);
    }

    private Flux<DossierRecord> find(List<String> conditions, AtRiskFilter filter, int limit, int offset) {
        filter.agencyCode().ifPresent(agency -> conditions.add("d.agency_code = :agency"));
        filter.branchGroup().ifPresent(branch -> conditions.add("p.branch_group = :branch"));
        filter.pointId().ifPresent(point -> conditions.add("d.receiving_point_id = :point"));
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + DossierRepository.qualified("d")
                        + ", " + DossierRepository.POINT_COLUMNS
                        + " FROM dossier d JOIN service_point p ON p.id = d.receiving_point_id WHERE "
                        + String.join(" AND ", conditions) + " ORDER BY d.due_at, d.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset);
        if (filter.agencyCode().isPresent()) {
            query = query.bind("agency", filter.agencyCode().get());
        }
        if (filter.branchGroup().isPresent()) {
            query = query.bind("branch", filter.branchGroup().get());
        }
        if (filter.pointId().isPresent()) {
            query = query.bind("point", filter.pointId().get());
        }
        return query.map(row ->
                        new DossierRecord(DossierRepository.toDossier(row), DossierRepository.toPoint(row), List.of()))
                .all();
    }

    /** Every dossier counted by branch group, status and timing class, in branch group order. */
    Flux<Count> countByBranch() {
        return db.sql("SELECT p.branch_group, d.status, " + TIMING_CLASS_SQL + " AS timing_class, count(*) AS n"
                        + " FROM dossier d JOIN service_point p ON p.id = d.receiving_point_id"
                        + " GROUP BY p.branch_group, d.status, timing_class ORDER BY p.branch_group")
                .map(row -> new Count(
                        row.get("branch_group", String.class),
                        DossierStatus.of(row.get("status", Short.class)),
                        TimingClass.valueOf(row.get("timing_class", String.class)),
                        row.get("n", Long.class)))
                .all();
    }
}
