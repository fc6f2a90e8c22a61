package vn.hanoi.hcc.bff.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Scopes;
import vn.hanoi.hcc.bff.webhook.WebhookService;

/** An agent says where the status changes of its dossiers should go. */
@RestController
@Tag(name = "Agents")
@SecurityRequirement(name = "apiKey", scopes = Scopes.WEBHOOKS_WRITE)
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** The webhook as stored; the secret is never shown again. */
    record WebhookView(String url, Instant updatedAt) {}

    @PutMapping(path = "/api/v1/agent/webhook", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Set my webhook",
            description = "Replaces the previous one. The URL must be https and "
                    + "reach a public address only, which every delivery checks again before it connects; the secret signs "
                    + "every delivery (Standard Webhooks).")
    @ApiResponse(responseCode = "201", description = "Set")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "400", description = "URL or secret refused")
    Mono<ResponseEntity<WebhookView>> put(@Valid @RequestBody WebhookRequest request, Caller caller) {
        Caller client = caller.requireScope(Scopes.WEBHOOKS_WRITE);
        return webhooks.register(client.subject(), request.url().strip(), request.secret())
                .map(registered -> ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new WebhookView(registered.url().toString(), registered.updatedAt())));
    }
}
