package vn.hanoi.hcc.bff.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierMonitoringRepository.Count;

/**
 * Where dossiers are stuck, for the Center: running dossiers overdue or due within 24 h, and counts
 * per branch group by status and by timing class.
 */
@Service
public class DossierMonitoringService {

    /** The most running dossiers the likely-late view forecasts per request. */
    public static final int LIKELY_LATE_CANDIDATES = 5_000;

    private final DossierMonitoringRepository dossiers;
    private final DossierQueryService queries;
    private final Clock clock;

    DossierMonitoringService(DossierMonitoringRepository dossiers, DossierQueryService queries, Clock clock) {
        this.dossiers = dossiers;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Running dossiers not yet overdue (1, 2, 4, 5, 6), with their timelines, the nearest due time
     * first, at most {@link #LIKELY_LATE_CANDIDATES}: those a forecast may find likely to be late.
     */
    public Mono<List<DossierRecord>> notYetOverdue(AtRiskFilter filter) {
        return dossiers.findNotYetOverdue(filter, LIKELY_LATE_CANDIDATES)
                .collectList()
                .flatMap(queries::withRunningTimelines);
    }

    /** At-risk dossiers, the most overdue first. */
    public Flux<AtRiskDossier> atRisk(AtRiskFilter filter, int page, int size) {
        Instant now = clock.instant();
        return dossiers.findAtRisk(filter, page, size).map(record -> {
            Dossier dossier = record.dossier();
            Duration overdue = now.isAfter(dossier.dueAt()) ? Duration.between(dossier.dueAt(), now) : Duration.ZERO;
            return new AtRiskDossier(
                    dossier.code(),
                    dossier.procedureName(),
                    dossier.agencyCode(),
                    record.point(),
                    dossier.status(),
                    dossier.receivedAt(),
                    dossier.dueAt(),
                    dossier.timingClass(now),
                    overdue);
        });
    }

    /** Per branch group: dossiers by status and by timing class. */
    public Mono<List<BranchCounts>> countsByBranch() {
        return dossiers.countByBranch().collectList().map(DossierMonitoringService::byBranch);
    }

    private static List<BranchCounts> byBranch(List<Count> counts) {
        Map<String, List<Count>> branches = new LinkedHashMap<>();
        counts.forEach(count -> branches.computeIfAbsent(count.branch(), branch -> new ArrayList<>())
                .add(count));
        return branches.entrySet().stream()
                .map(branch -> {
                    Map<DossierStatus, Long> byStatus = new EnumMap<>(DossierStatus.class);
                    Map<TimingClass, Long> byTiming = new EnumMap<>(TimingClass.class);
                    branch.getValue().forEach(count -> {
                        byStatus.merge(count.status(), count.n(), Long::sum);
                        byTiming.merge(count.timing(), count.n(), Long::sum);
                    });
                    long total = branch.getValue().stream().mapToLong(Count::n).sum();
                    return new BranchCounts(branch.getKey(), byStatus, byTiming, total);
                })
                .toList();
    }
}
