package vn.hanoi.hcc.bff.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.input.TextPatterns;
import vn.hanoi.hcc.bff.notification.PushDelivery;
import vn.hanoi.hcc.bff.notification.PushDeliveryService;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;

/** The Center's view of push deliveries: what was sent, what is waiting, what was dead-lettered. */
@RestController
@RequestMapping(path = "/api/v1/ops/push-messages", produces = "application/json")
@Tag(name = "Ops")
@SecurityRequirement(name = "bearer", scopes = Roles.OPS)
class PushOpsController {

    private final PushDeliveryService deliveries;

    PushOpsController(PushDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(
            summary = "Push messages, newest first",
            description =
                    "state: pending, sent, dropped (the token was dead) or dead (dead-lettered); dossierCode: one "
                            + "dossier's. Devices appear by their token's last 6 characters.")
    @ApiResponse(responseCode = "400", description = "state or limit malformed")
    @ApiResponse(responseCode = "200", description = "The matching messages")
    Mono<List<PushDelivery>> list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String dossierCode,
            @RequestParam(required = false) String limit,
            Caller caller) {
        caller.requireRole(Roles.OPS);
        return deliveries.list(
                QueryParameters.oneOf("state", state, PushDeliveryService.STATES),
                QueryParameters.matching("dossierCode", dossierCode, TextPatterns.DOSSIER_CODE, "a dossier code"),
                QueryParameters.intBetween("limit", limit, 100, 1, 1000));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Send a dead-lettered message again",
            description = "With fresh attempts, once FCM or the credentials are fixed.")
    @ApiResponse(responseCode = "404", description = "No such message")
    @ApiResponse(responseCode = "409", description = "The message is not dead-lettered")
    Mono<Void> retry(@PathVariable String id, Caller caller) {
        caller.requireRole(Roles.OPS);
        return deliveries.retry(QueryParameters.id("id", id));
    }
}
