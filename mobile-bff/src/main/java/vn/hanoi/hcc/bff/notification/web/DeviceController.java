package vn.hanoi.hcc.bff.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.error.Problem;
import vn.hanoi.hcc.bff.notification.DeviceService;
import vn.hanoi.hcc.bff.security.Caller;

/** A citizen's phones, which receive the pushes. */
@RestController
@RequestMapping(path = "/api/v1/me/devices")
@Tag(name = "Citizens")
@SecurityRequirement(name = "bearer")
class DeviceController {

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    /** The device as registered. */
    record DeviceView(String token, String platform, String locale) {
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    @Operation(summary = "Register this phone for pushes",
            description = "Idempotent: 201 for a new token, 200 for a known one (refreshed, and moved to the "
                    + "caller if another citizen had it). Tokens unused for 60 days are forgotten.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "200", description = "Already known; refreshed")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    Mono<ResponseEntity<DeviceView>> register(@Valid @RequestBody DeviceRequest request, Caller caller) {
        Caller citizen = caller.requirePerson();
        String locale = request.localeOrDefault();
        return devices.register(citizen.subject(), request.token(), request.platform(), locale)
                .map(created -> ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new DeviceView(request.token(), request.platform(), locale)));
    }

    @DeleteMapping("/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop pushes to this phone")
    @ApiResponse(responseCode = "204", description = "Forgotten")
    @ApiResponse(responseCode = "404", description = "Not one of my devices",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    Mono<Void> unregister(@PathVariable String token, Caller caller) {
        Caller citizen = caller.requirePerson();
        return devices.unregister(citizen.subject(), token);
    }
}
