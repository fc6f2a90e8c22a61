package vn.hanoi.hcc.bff.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
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
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Roles;
import vn.hanoi.hcc.bff.webhook.WebhookDelivery;
import vn.hanoi.hcc.bff.webhook.WebhookDeliveryService;

/** The Center's view of webhook deliveries: what was delivered, what is waiting, what was dead-lettered. */
@RestController
@RequestMapping(path = "/api/v1/ops/webhook-messages", produces = "application/json")
@Tag(name = "Ops")
@SecurityRequirement(name = "bearer", scopes = Roles.OPS)
class WebhookOpsController {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final WebhookDeliveryService deliveries;

    WebhookOpsController(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @Operation(
            summary = "Webhook messages, newest first",
            description = "state: pending, delivered or dead (dead-lettered after 24 h of failed attempts); clientId: "
                    + "one machine client's; dossierCode: one dossier's. lastError says why the last attempt failed.")
    @ApiResponse(responseCode = "400", description = "A filter or the limit malformed")
    @ApiResponse(responseCode = "200", description = "The matching messages")
    Mono<List<WebhookDelivery>> list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String dossierCode,
            @RequestParam(required = false) String limit,
            Caller caller) {
        caller.requireRole(Roles.OPS);
        return deliveries.list(new WebhookDeliveryService.Filter(
                QueryParameters.oneOf("state", state, WebhookDeliveryService.STATES),
                QueryParameters.matching("clientId", clientId, CLIENT_ID, "a client id"),
                QueryParameters.matching("dossierCode", dossierCode, TextPatterns.DOSSIER_CODE, "a dossier code"),
                QueryParameters.intBetween("limit", limit, 100, 1, 1000)));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Deliver a dead-lettered message again",
            description = "With fresh attempts and a new 24 h window, once the receiver is fixed. It may arrive after "
                    + "newer changes of its dossier: receivers keep the highest data.version.")
    @ApiResponse(responseCode = "404", description = "No such message")
    @ApiResponse(responseCode = "409", description = "The message is not dead-lettered")
    Mono<Void> retry(@PathVariable String id, Caller caller) {
        caller.requireRole(Roles.OPS);
        return deliveries.retry(QueryParameters.id("id", id));
    }
}
