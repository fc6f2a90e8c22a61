package vn.hanoi.hcc.bff.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.ReminderSettingService;
import vn.hanoi.hcc.bff.security.Caller;

/** A citizen turns the reminders about one of their dossiers off, or on again. */
@RestController
@Tag(name = "Citizens")
@SecurityRequirement(name = "bearer")
class DossierReminderController {

    private final ReminderSettingService settings;

    DossierReminderController(ReminderSettingService settings) {
        this.settings = settings;
    }

    /** Whether reminders about the dossier are on, as now set. */
    record ReminderSettingView(String code, boolean enabled) {}

    @PutMapping(
            path = "/api/v1/me/dossiers/{code}/reminders",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            summary = "Turn the reminders about my dossier on or off",
            description = "Reminders: a result ready but not collected, or an action still awaited, after some "
                    + "working days; on unless turned off. Setting the same value again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The setting now in force")
    @ApiResponse(responseCode = "404", description = "Unknown, or someone else's: the same answer")
    Mono<ReminderSettingView> set(
            @PathVariable String code, @Valid @RequestBody ReminderSettingRequest request, Caller caller) {
        Caller citizen = caller.requirePerson();
        return settings.set(code, citizen.subject(), request.enabled())
                .map(enabled -> new ReminderSettingView(code, enabled));
    }
}
