package vn.hanoi.hcc.bff.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where dossiers are stuck, for the Center: running dossiers overdue or due within 24 h, and counts
 * per branch group by status and by timing class. The timing class is derived in SQL with the same
 * rules as {@link TimingClass#of}, which a test holds them to.
 */
@Service
public class DossierMonitoringService {

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
    private final Clock clock;

    DossierMonitoringService(DatabaseClient db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    /** At-risk dossiers, the most overdue first. */
    public Flux<AtRiskDossier> atRisk(AtRiskFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>(List.of("d.status IN (1, 2, 4)",
                "d.due_at < now() + interval '24 hours'"));
        filter.timingClass().ifPresent(timing -> conditions.add(
                timing == TimingClass.OVERDUE ? "d.due_at < now()" : "d.due_at >= now()"));
        filter.agencyCode().ifPresent(agency -> conditions.add("d.agency_code = :agency"));
        filter.branchGroup().ifPresent(branch -> conditions.add("p.branch_group = :branch"));
        filter.pointId().ifPresent(point -> conditions.add("d.receiving_point_id = :point"));
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + DossierRepository.qualified("d")
                        + ", " + DossierRepository.POINT_COLUMNS
                        + " FROM dossier d JOIN service_point p ON p.id = d.receiving_point_id WHERE "
                        + String.join(" AND ", conditions) + " ORDER BY d.due_at, d.id LIMIT :limit OFFSET :offset")
                .bind("limit", size)
                .bind("offset", page * size);
        if (filter.agencyCode().isPresent()) {
            query = query.bind("agency", filter.agencyCode().get());
        }
        if (filter.branchGroup().isPresent()) {
            query = query.bind("branch", filter.branchGroup().get());
        }
        if (filter.pointId().isPresent()) {
            query = query.bind("point", filter.pointId().get());
        }
        Instant now = clock.instant();
        return query.map(row -> {
            Dossier dossier = DossierRepository.toDossier(row);
            ReceivingPoint point = DossierRepository.toPoint(row);
            Duration overdue = now.isAfter(dossier.dueAt()) ? Duration.between(dossier.dueAt(), now) : Duration.ZERO;
            return new AtRiskDossier(dossier.code(), dossier.procedureName(), dossier.agencyCode(), point,
                    dossier.status(), dossier.receivedAt(), dossier.dueAt(), dossier.timingClass(now), overdue);
        }).all();
    }

    /** Per branch group: dossiers by status and by timing class. */
    public Mono<List<BranchCounts>> countsByBranch() {
        return db.sql("SELECT p.branch_group, d.status, " + TIMING_CLASS_SQL + " AS timing_class, count(*) AS n"
                        + " FROM dossier d JOIN service_point p ON p.id = d.receiving_point_id"
                        + " GROUP BY p.branch_group, d.status, timing_class ORDER BY p.branch_group")
                .map(row -> new Count(row.get("branch_group", String.class), DossierStatus.of(row.get("status", Short.class)),
                        TimingClass.valueOf(row.get("timing_class", String.class)), row.get("n", Long.class)))
                .all()
                .collectList()
                .map(DossierMonitoringService::byBranch);
    }

    private record Count(String branch, DossierStatus status, TimingClass timing, long n) {
    }

    private static List<BranchCounts> byBranch(List<Count> counts) {
        Map<String, List<Count>> branches = new LinkedHashMap<>();
        counts.forEach(count -> branches.computeIfAbsent(count.branch(), branch -> new ArrayList<>()).add(count));
        return branches.entrySet().stream().map(branch -> {
            Map<DossierStatus, Long> byStatus = new EnumMap<>(DossierStatus.class);
            Map<TimingClass, Long> byTiming = new EnumMap<>(TimingClass.class);
            branch.getValue().forEach(count -> {
                byStatus.merge(count.status(), count.n(), Long::sum);
                byTiming.merge(count.timing(), count.n(), Long::sum);
            });
            long total = branch.getValue().stream().mapToLong(Count::n).sum();
            return new BranchCounts(branch.getKey(), byStatus, byTiming, total);
        }).toList();
    }
}
