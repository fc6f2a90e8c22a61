package vn.hanoi.hcc.bff.point.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.input.TextPatterns;
import vn.hanoi.hcc.bff.point.Holiday;
import vn.hanoi.hcc.bff.point.OpeningHours;
import vn.hanoi.hcc.bff.point.PointAdminService;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;

/** The Center keeps the point network: points and public holidays. Every replica follows within seconds. */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = "application/json")
@Tag(name = "Ops: service points", description = "Points, their hours, and public holidays")
@SecurityRequirement(name = "bearer", scopes = Roles.OPS)
@ApiResponse(responseCode = "400", description = "An invalid field, named in errors")
@ApiResponse(responseCode = "403", description = "Not Center staff")
class PointOpsController {

    private static final java.util.regex.Pattern POINT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final PointAdminService admin;

    PointOpsController(PointAdminService admin) {
        this.admin = admin;
    }

    @PutMapping(path = "/points/{id}", consumes = "application/json")
    @Operation(
            summary = "Create or replace a point",
            description = "201 when created, 200 when replaced. "
                    + "active: false closes it; it then disappears from searches but keeps its page.")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "201", description = "Created")
    Mono<ResponseEntity<PointResponse>> putPoint(
            @PathVariable String id, @Valid @RequestBody PutPointRequest request, Caller caller) {
        Caller staff = caller.requireRole(Roles.OPS);
        if (!POINT_ID.matcher(id).matches()) {
            throw InvalidRequestException.of("id", "must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        return admin.put(id, request.toDraft(), staff.subject())
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(PointResponse.of(saved.point())));
    }

    @GetMapping("/holidays")
    @Operation(summary = "The public holidays of a year (every point closed)")
    @ApiResponse(responseCode = "200", description = "The holidays of the year, in date order")
    Mono<List<Holiday>> holidays(@RequestParam(required = false) String year, Caller caller) {
        caller.requireRole(Roles.OPS);
        int wanted = QueryParameters.intBetween(
                "year", year, LocalDate.now(OpeningHours.ZONE).getYear(), 2000, 2100);
        return admin.holidays(wanted).collectList();
    }

    /** {@code PUT /api/v1/ops/holidays/{date}}. */
    record PutHolidayRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = TextPatterns.LINE)
            String name) {}

    @PutMapping(path = "/holidays/{date}", consumes = "application/json")
    @Operation(
            summary = "Declare a public holiday (or rename one)",
            description = "201 when created, 200 when renamed.")
    @ApiResponse(responseCode = "200", description = "Renamed")
    @ApiResponse(responseCode = "201", description = "Declared")
    Mono<ResponseEntity<Holiday>> putHoliday(
            @PathVariable String date, @Valid @RequestBody PutHolidayRequest request, Caller caller) {
        Caller staff = caller.requireRole(Roles.OPS);
        LocalDate day = day(date);
        return admin.putHoliday(day, request.name().strip(), staff.subject())
                .map(created -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new Holiday(day, request.name().strip(), "ops:" + staff.subject())));
    }

    @DeleteMapping("/holidays/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a public holiday (idempotent)")
    Mono<Void> deleteHoliday(@PathVariable String date, Caller caller) {
        caller.requireRole(Roles.OPS);
        return admin.deleteHoliday(day(date));
    }

    private static LocalDate day(String date) {
        try {
            LocalDate day = LocalDate.parse(date);
            if (day.getYear() >= 2000 && day.getYear() <= 2100) {
                return day;
            }
        } catch (DateTimeParseException malformed) {
            // answered below
        }
        throw InvalidRequestException.of("date", "must be a date as YYYY-MM-DD, from 2000 to 2100");
    }
}
