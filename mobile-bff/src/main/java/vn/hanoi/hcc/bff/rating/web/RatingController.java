package vn.hanoi.hcc.bff.rating.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.rating.Rating;
import vn.hanoi.hcc.bff.rating.RatingService;
import vn.hanoi.hcc.bff.security.Caller;

/** A citizen rates their finished dossier. */
@RestController
@Tag(name = "Citizens")
@SecurityRequirement(name = "bearer")
class RatingController {

    private final RatingService ratings;

    RatingController(RatingService ratings) {
        this.ratings = ratings;
    }

    @PostMapping(
            path = "/api/v1/me/dossiers/{code}/rating",
            consumes = "application/json",
            produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rate my dossier (1-5, an optional comment)", description = "Once, at status 9 or 10.")
    @ApiResponse(responseCode = "201", description = "The rating")
    @ApiResponse(responseCode = "404", description = "Unknown, or someone else's")
    @ApiResponse(responseCode = "409", description = "Not finished yet, or already rated")
    Mono<Rating> rate(@PathVariable String code, @Valid @RequestBody RatingRequest request, Caller caller) {
        Caller citizen = caller.requirePerson();
        String comment = request.comment() == null || request.comment().isBlank()
                ? null
                : request.comment().strip();
        return ratings.rate(code, citizen.subject(), request.score(), comment);
    }
}
