package vn.hanoi.hcc.bff.coverage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.coverage.CoverageReport;
import vn.hanoi.hcc.bff.coverage.CoverageService;
import vn.hanoi.hcc.bff.coverage.SuggestionQuery;
import vn.hanoi.hcc.bff.coverage.Suggestions;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;

/**
 * The 5 km / 30 min coverage of Hanoi's population: the report and the map (public), what-ifs and
 * suggestions of new sites (ops).
 */
@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "Coverage", description = "Who is within 5 km or 30 minutes of a service point")
@ApiResponse(responseCode = "400", description = "An invalid parameter, named in errors")
@ApiResponse(responseCode = "503", description = "Every coverage worker is busy; retry after Retry-After")
class CoverageController {

    private static final CacheControl FIVE_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Share of the population within target, city-wide and per ward (least covered first)")
    @ApiResponse(responseCode = "200", description = "The coverage report")
    Mono<ResponseEntity<CoverageReport>> report(
            @Parameter(description = "walk, motorbike (default) or car") @RequestParam(required = false) String mode) {
        return coverage.report(TravelMode.parse("mode", mode))
                .map(report -> ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(report));
    }

    @PostMapping(path = "/what-if", consumes = "application/json", produces = "application/json")
    @SecurityRequirement(name = "bearer", scopes = Roles.OPS)
    @Operation(
            summary = "The same report for a changed network; nothing is changed (role ops)",
            description = "add: candidate positions; remove: ids of active points. At most 50 changes. For the "
                    + "Center's planners (role ops): each what-if is a whole computation, run on workers of its own; "
                    + "when they are all busy, 503.")
    @ApiResponse(responseCode = "200", description = "The coverage report of the changed network")
    Mono<WhatIfResponse> whatIf(@Valid @RequestBody WhatIfRequest request, Caller caller) {
        caller.requireRole(Roles.OPS);
        return coverage.whatIf(TravelMode.parse("mode", request.mode()), request.positions(), request.removedIds())
                .map(WhatIfResponse::of);
    }

    @PostMapping(path = "/suggestions", consumes = "application/json", produces = "application/json")
    @SecurityRequirement(name = "bearer", scopes = Roles.OPS)
    @Operation(
            summary = "Where count new points would bring the most people within target; nothing is changed (role ops)",
            description = "The greedy algorithm for maximum coverage (each site the one adding the most people, "
                    + "within 1 - 1/e of the best choice), trips timed by the heuristic. Sites in build order, "
                    + "each with the people it newly brings within target, the covered share after it and the "
                    + "wards it serves. On workers of their own, cached per network version and parameters; "
                    + "503 when they are busy or past the deadline.")
    @ApiResponse(responseCode = "200", description = "The sites in build order, and the baseline")
    Mono<Suggestions> suggestions(@Valid @RequestBody SuggestionsRequest request, Caller caller) {
        caller.requireRole(Roles.OPS);
        return coverage.suggest(request.query(coverage.defaultTarget()));
    }

    @GetMapping(path = "/map.svg", produces = "image/svg+xml")
    @Operation(
            summary = "Map of the 126 wards shaded by travel time, the points by type, a legend and the figure",
            description = "Labels in Vietnamese, or English with Accept-Language: en.")
    @ApiResponse(responseCode = "200", description = "The map, an SVG document")
    Mono<ResponseEntity<String>> map(
            @Parameter(description = "walk, motorbike (default) or car") @RequestParam(required = false) String mode,
            @Parameter(description = "draw the first 1 to 10 suggested sites (by ward, default target), numbered")
                    @RequestParam(required = false)
                    Integer suggest,
            Locale locale) {
        if (suggest != null && (suggest < 1 || suggest > SuggestionQuery.MAX_COUNT)) {
            throw InvalidRequestException.of("suggest", "must be from 1 to " + SuggestionQuery.MAX_COUNT);
        }
        return coverage.map(TravelMode.parse("mode", mode), locale, suggest == null ? 0 : suggest)
                .map(svg -> ResponseEntity.ok()
                        .contentType(SVG)
                        .cacheControl(FIVE_MINUTES)
                        .body(svg));
    }
}
