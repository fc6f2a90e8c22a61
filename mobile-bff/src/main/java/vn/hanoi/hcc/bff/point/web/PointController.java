package vn.hanoi.hcc.bff.point.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.point.PointFilter;
import vn.hanoi.hcc.bff.point.PointRecords;
import vn.hanoi.hcc.bff.point.PointService;

/** Public listing and lookup of service points. */
@RestController
@RequestMapping(path = "/api/v1/points", produces = "application/json")
@Tag(name = "Service points", description = "Where citizens file dossiers and collect results")
class PointController {

    private final PointService points;
    private final PointRecords records;

    PointController(PointService points, PointRecords records) {
        this.points = points;
        this.records = records;
    }

    @GetMapping
    @Operation(
            summary = "List active service points",
            description = "Filters combine; q matches point names with or without Vietnamese diacritics.")
    @ApiResponse(responseCode = "200", description = "The matching points")
    @ApiResponse(responseCode = "400", description = "An invalid parameter, named in errors")
    Mono<PointListResponse> list(
            @Parameter(description = "HQ, BRANCH, RECEPTION, WARD_POINT or COMMUNITY") @RequestParam(required = false)
                    String type,
            @Parameter(description = "5-digit GSO ward code, e.g. 00070") @RequestParam(required = false) String ward,
            @Parameter(description = "Text in the point's name, e.g. hoan kiem") @RequestParam(required = false)
                    String q,
            @Parameter(description = RecordOption.DESCRIPTION, schema = @Schema(type = "boolean"))
                    @RequestParam(required = false)
                    String record) {
        RecordOption<PointFilter> filter = RecordOption.parse(() -> PointFilter.parse(type, ward, q), record);
        return points.find(filter.query())
                .map(point -> PointResponse.of(point, filter.withRecord() ? records.of(point.id()) : null))
                .collectList()
                .map(PointListResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One service point by id, active or not, with its service record",
            description = "The record covers the last 90 days (windowFrom to windowTo) and is recomputed every 15 "
                    + "minutes: dossiers received; of those whose result was ready, the share on time or early "
                    + "and the median working days from receipt to result (shown from 20 finished dossiers); "
                    + "the share of ratings of 4 or 5 (shown from 10 ratings). A part below its minimum is "
                    + "withheld, its count and reason given.")
    @ApiResponse(responseCode = "200", description = "The point")
    @ApiResponse(responseCode = "404", description = "No point has this id")
    Mono<PointResponse> get(@PathVariable String id) {
        return points.get(id).map(point -> PointResponse.of(point, records.of(point.id())));
    }
}
