package vn.hanoi.hcc.bff.point.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.Problem;
import vn.hanoi.hcc.bff.point.PointFilter;
import vn.hanoi.hcc.bff.point.PointService;

/** Public listing and lookup of service points. */
@RestController
@RequestMapping(path = "/api/v1/points", produces = "application/json")
@Tag(name = "Service points", description = "Where citizens file dossiers and collect results")
class PointController {

    private final PointService points;

    PointController(PointService points) {
        this.points = points;
    }

    @GetMapping
    @Operation(
            summary = "List active service points",
            description = "Filters combine; q matches point names with or without Vietnamese diacritics.")
    @ApiResponse(responseCode = "200", description = "The matching points")
    @ApiResponse(
            responseCode = "400",
            description = "An invalid parameter, named in errors",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    Mono<PointListResponse> list(
            @Parameter(description = "HQ, BRANCH, RECEPTION, WARD_POINT or COMMUNITY") @RequestParam(required = false)
                    String type,
            @Parameter(description = "5-digit GSO ward code, e.g. 00070") @RequestParam(required = false) String ward,
            @Parameter(description = "Text in the point's name, e.g. hoan kiem") @RequestParam(required = false)
                    String q) {
        PointFilter filter = PointFilter.parse(type, ward, q);
        return points.find(filter).map(PointResponse::of).collectList().map(PointListResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service point by id, active or not")
    @ApiResponse(responseCode = "200", description = "The point")
    @ApiResponse(
            responseCode = "404",
            description = "No point has this id",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    Mono<PointResponse> get(@PathVariable String id) {
        return points.get(id).map(PointResponse::of);
    }
}
