package vn.hanoi.hcc.bff.ops.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
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
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierMonitoringService;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.dossier.TimingClass;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.forecast.DossierForecasts;
import vn.hanoi.hcc.bff.forecast.Forecast;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.rating.SatisfactionService;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;

/** Center staff: dossiers at risk, counts per branch, satisfaction. */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = "application/json")
@Tag(name = "Ops: monitoring", description = "Where dossiers are stuck, and how satisfied citizens are")
@SecurityRequirement(name = "bearer", scopes = Roles.OPS)
class OpsDossierController {

    private static final String OPS = "ops";
    private static final String LIKELY_LATE = "LIKELY_LATE";

    private final DossierMonitoringService monitoring;
    private final SatisfactionService satisfaction;
    private final DossierForecasts forecasts;
    private final Clock clock;

    OpsDossierController(
            DossierMonitoringService monitoring,
            SatisfactionService satisfaction,
            DossierForecasts forecasts,
            Clock clock) {
        this.forecasts = forecasts;
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
            double overdueHours,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "LIKELY_LATE only: the forecast's expected ready time (median)")
            Instant expectedReadyAt,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "LIKELY_LATE only: how far past the due time it lies, in working time")
            String likelyLateBy,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "LIKELY_LATE only: the same in working hours")
            Double likelyLateHours) {
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
                    hours(dossier.overdueBy()),
                    null,
                    null,
                    null);
        }

        static AtRiskView likelyLate(DossierRecord record, Forecast.Expected forecast, Instant now, Locale locale) {
            Dossier dossier = record.dossier();
            return new AtRiskView(
                    dossier.code(),
                    dossier.procedureName(),
                    dossier.agencyCode(),
                    record.point().id(),
                    record.point().name(),
                    record.point().branchGroup(),
                    dossier.status().code(),
                    dossier.status().label(locale),
                    dossier.receivedAt(),
                    dossier.dueAt(),
                    dossier.timingClass(now),
                    Duration.ZERO.toString(),
                    0,
                    forecast.expectedReadyAt(),
                    forecast.lateBy().truncatedTo(ChronoUnit.SECONDS).toString(),
                    hours(forecast.lateBy()));
        }

        private static double hours(Duration duration) {
            return Math.round(duration.toMinutes() / 6.0) / 10.0;
        }
    }

    @GetMapping("/dossiers/at-risk")
    @Operation(
            summary = "Running dossiers overdue or due within 24 h, the most overdue first",
            description = "Filters: timing (OVERDUE, DUE_SOON, or LIKELY_LATE: running dossiers not yet overdue"
                    + " whose forecast passes their due time, the latest forecast first), agency, branch"
                    + " (branch group), point.")
    @ApiResponse(responseCode = "400", description = "timing, page or size out of range")
    @ApiResponse(responseCode = "200", description = "A page of at-risk dossiers")
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
        boolean likelyLate = LIKELY_LATE.equals(timing);
        AtRiskFilter filter = new AtRiskFilter(
                likelyLate ? Optional.empty() : timing(timing), present(agency), present(branch), present(point));
        int number = QueryParameters.intBetween("page", page, 0, 0, 10_000);
        int length = QueryParameters.intBetween("size", size, 50, 1, 200);
        if (likelyLate) {
            return likelyLate(filter, number, length, locale);
        }
        return monitoring
                .atRisk(filter, number, length)
                .map(dossier -> AtRiskView.of(dossier, locale))
                .collectList()
                .map(items -> new AtRiskPage(clock.instant(), number, length, items));
    }

    /** Not yet overdue, forecast past due: ordered by how far past, then by due time. */
    private Mono<AtRiskPage> likelyLate(AtRiskFilter filter, int number, int length, Locale locale) {
        Instant now = clock.instant();
        return monitoring.notYetOverdue(filter).map(records -> {
            List<AtRiskView> items = records.stream()
                    .flatMap(record -> forecasts.forecast(record, now).stream()
                            .filter(Forecast.Expected.class::isInstance)
                            .map(Forecast.Expected.class::cast)
                            .filter(Forecast.Expected::likelyLate)
                            .map(forecast -> AtRiskView.likelyLate(record, forecast, now, locale)))
                    .sorted(Comparator.comparing(AtRiskView::likelyLateHours)
                            .reversed()
                            .thenComparing(AtRiskView::dueAt))
                    .skip((long) number * length)
                    .limit(length)
                    .toList();
            return new AtRiskPage(now, number, length, items);
        });
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
        throw InvalidRequestException.of("timing", "must be OVERDUE, DUE_SOON or LIKELY_LATE");
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
