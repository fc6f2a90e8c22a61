package vn.hanoi.hcc.bff.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.regex.Pattern;
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
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.notification.DeviceService;
import vn.hanoi.hcc.bff.security.Caller;

/**
 * A citizen's phones, which receive the pushes. The FCM token travels only in the registration's
 * body: a device is named by the id the registration answers, so that no path, and no access log
 * or proxy that keeps paths, ever holds a token.
 */
@RestController
@RequestMapping(path = "/api/v1/me/devices")
@Tag(name = "Citizens")
@SecurityRequirement(name = "bearer")
class DeviceController {

    private static final Pattern DEVICE_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    /** The device as registered (never its token). */
    record DeviceView(UUID id, String platform, String locale) {}

    @PostMapping(consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Register this phone for pushes",
            description = "Idempotent: 201 for a new token, 200 for a known one (refreshed, and moved to the "
                    + "caller if another citizen had it), with the device's id either way: the app keeps it to "
                    + "unregister. A citizen has at most hcc.bff.devices.max-per-citizen devices (10): one more "
                    + "forgets the one least recently registered. Tokens unused for 60 days are forgotten.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "200", description = "Already known; refreshed")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed")
    Mono<ResponseEntity<DeviceView>> register(@Valid @RequestBody DeviceRequest request, Caller caller) {
        Caller citizen = caller.requirePerson();
        String locale = request.localeOrDefault();
        return devices.register(citizen.subject(), request.token(), request.platform(), locale)
                .map(registered -> ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new DeviceView(registered.id(), request.platform(), locale)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Stop pushes to this phone",
            description = "By the id its registration answered; a "
                    + "token in its place is refused (400), so that it never lands in a log.")
    @ApiResponse(responseCode = "204", description = "Forgotten")
    @ApiResponse(responseCode = "404", description = "Not one of my devices")
    Mono<Void> unregister(
            @Parameter(description = "The device id POST answered (a UUID)") @PathVariable String id, Caller caller) {
        Caller citizen = caller.requirePerson();
        if (!DEVICE_ID.matcher(id).matches()) {
            throw InvalidRequestException.of("id", "must be the device id the registration answered, never the token");
        }
        return devices.unregister(citizen.subject(), UUID.fromString(id));
    }
}
