package vn.hanoi.hcc.bff.ops.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.AtRiskDossier;
import vn.hanoi.hcc.bff.dossier.AtRiskFilter;
import vn.hanoi.hcc.bff.dossier.BranchCounts;
import vn.hanoi.hcc.bff.dossier.DossierMonitoringService;
import vn.hanoi.hcc.bff.dossier.TimingClass;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.rating.SatisfactionService;
import vn.hanoi.hcc.bff.security.Caller;

/** Center staff: dossiers at risk, counts per branch, satisfaction. */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = "application/json")
@Tag(name = "Ops: monitoring", description = "Where dossiers are stuck, and how satisfied citizens are")
@SecurityRequirement(name = "bearer")
class OpsDossierController {

    private static final String OPS = "ops";

    private final DossierMonitoringService monitoring;
    private final SatisfactionService satisfaction;
    private final Clock clock;

    OpsDossierController(DossierMonitoringService monitoring, SatisfactionService satisfaction, Clock clock) {
        this.clock = clock;
        this.monitoring = monitoring;
        this.satisfaction = satisfaction;
    }

    /** A page of at-risk dossiers. */
    record AtRiskPage(Instant asOf, int page, int size, List<AtRiskView> items) {}

    /** @param overdueHours how long past due, in hours (0 when only due soon) */
    record AtRiskView(
            String code,
            String procedureName,
            String agencyCode,
            String pointId,
            String pointName,
            @Schema(types = {"string", "null"}) String branchGroup,
            int status,
            String statusLabel,
            Instant receivedAt,
            Instant dueAt,
            TimingClass timingClass,
            String overdueBy,
            double overdueHours) {
        static AtRiskView of(AtRiskDossier dossier, Locale locale) {
            return new AtRiskView(
                    dossier.code(),
                    dossier.procedureName(),
                    dossier.agencyCode(),
                    dossier.point().id(),
                    dossier.point().name(),
                    dossier.point().branchGroup(),
                    dossier.status().code(),
                    dossier.status().label(locale),
                    dossier.receivedAt(),
                    dossier.dueAt(),
                    dossier.timingClass(),
                    dossier.overdueBy().truncatedTo(ChronoUnit.SECONDS).toString(),
                    Math.round(dossier.overdueBy().toMinutes() / 6.0) / 10.0);
        }
    }

    @GetMapping("/dossiers/at-risk")
    @Operation(
            summary = "Running dossiers overdue or due within 24 h, the most overdue first",
            description = "Filters: timing (OVERDUE or DUE_SOON), agency, branch (branch group), point.")
    Mono<AtRiskPage> atRisk(
            @RequestParam(required = false) String timing,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String branch,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Caller caller,
            Locale locale) {
        caller.requireRole(OPS);
        AtRiskFilter filter = new AtRiskFilter(timing(timing), present(agency), present(branch), present(point));
        int number = QueryParameters.intBetween("page", page, 0, 0, 10_000);
        int length = QueryParameters.intBetween("size", size, 50, 1, 200);
        return monitoring
                .atRisk(filter, number, length)
                .map(dossier -> AtRiskView.of(dossier, locale))
                .collectList()
                .map(items -> new AtRiskPage(clock.instant(), number, length, items));
    }

    @GetMapping("/dossiers/counts")
    @Operation(summary = "Dossiers per branch group by status and by timing class")
    Mono<List<BranchCounts>> counts(Caller caller) {
        caller.requireRole(OPS);
        return monitoring.countsByBranch();
    }

    @GetMapping("/satisfaction")
    @Operation(summary = "Share of ratings of 4 or 5 per branch group and per point, against the 95 % target")
    Mono<SatisfactionService.Report> satisfaction(Caller caller) {
        caller.requireRole(OPS);
        return satisfaction.report();
    }

    private static Optional<TimingClass> timing(String timing) {
        if (timing == null || timing.isBlank()) {
            return Optional.empty();
        }
        if ("OVERDUE".equals(timing) || "DUE_SOON".equals(timing)) {
            return Optional.of(TimingClass.valueOf(timing));
        }
        throw InvalidRequestException.of("timing", "must be OVERDUE or DUE_SOON");
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
