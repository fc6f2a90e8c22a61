package vn.hanoi.hcc.bff.point.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.point.NearestPointService;
import vn.hanoi.hcc.bff.point.NearestQuery;
import vn.hanoi.hcc.bff.point.PointIndex;
import vn.hanoi.hcc.bff.point.PointRecords;
import vn.hanoi.hcc.bff.point.PointType;

/** The nearest service points to a citizen, by travel time. */
@RestController
@RequestMapping(path = "/api/v1/points", produces = "application/json")
@Tag(name = "Service points")
class NearestPointController {

    private final NearestPointService nearest;
    private final PointIndex index;
    private final PointRecords records;

    NearestPointController(NearestPointService nearest, PointIndex index, PointRecords records) {
        this.nearest = nearest;
        this.index = index;
        this.records = records;
    }

    @GetMapping("/nearest")
    @Operation(
            summary = "The nearest active points by travel time",
            description = "Any point, whatever the caller's ward. A point is within target when it is at most 5 km "
                    + "or 30 minutes away; estimate says how each time was obtained: road (the embedded road "
                    + "graph, OpenStreetMap data credited in attribution), osrm, or heuristic (distance x detour "
                    + "/ speed, wherever the roads cannot answer).")
    @ApiResponse(responseCode = "200", description = "Points sorted by travel time")
    @ApiResponse(responseCode = "400", description = "An invalid parameter, named in errors")
    Mono<NearestPointsResponse> nearest(
            @Parameter(
                            description = "Latitude, WGS84 decimal degrees (plain notation, no exponent)",
                            schema = @Schema(type = "number", minimum = "-90", maximum = "90", example = "21.0285"))
                    @RequestParam(required = false)
                    String lat,
            @Parameter(
                            description = "Longitude, WGS84 decimal degrees (plain notation, no exponent)",
                            schema = @Schema(type = "number", minimum = "-180", maximum = "180", example = "105.8542"))
                    @RequestParam(required = false)
                    String lon,
            @Parameter(description = "walk, motorbike (default) or car") @RequestParam(required = false) String mode,
            @Parameter(description = "1 to 20, default 5") @RequestParam(required = false) String limit,
            @Parameter(description = "true: only points open now") @RequestParam(required = false) String openNow,
            @Parameter(description = "Only points receiving this procedure field (GET /api/v1/points/fields)")
                    @RequestParam(required = false)
                    String field,
            @Parameter(description = RecordOption.DESCRIPTION, schema = @Schema(type = "boolean"))
                    @RequestParam(required = false)
                    String record) {
        RecordOption<NearestQuery> query =
                RecordOption.parse(() -> NearestQuery.parse(lat, lon, mode, limit, openNow, field), record);
        return nearest.nearest(query.query())
                .map(answer -> NearestPointsResponse.of(answer, query.withRecord() ? records : null));
    }

    /** A procedure field and where its dossiers are received. */
    record FieldResponse(String code, String name, List<PointType> servedBy) {}

    @GetMapping("/fields")
    @Operation(
            summary = "Procedure fields, for the field filter of the nearest-point search",
            description = "Names in Vietnamese, or English with Accept-Language: en.")
    Mono<List<FieldResponse>> fields(Locale locale) {
        return index.snapshot()
                .map(snapshot -> snapshot.fields().stream()
                        .map(field -> new FieldResponse(
                                field.code(),
                                field.name(locale),
                                field.servedBy().stream().sorted().toList()))
                        .toList());
    }
}
