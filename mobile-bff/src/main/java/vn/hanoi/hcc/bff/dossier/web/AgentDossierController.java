package vn.hanoi.hcc.bff.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierEventService;
import vn.hanoi.hcc.bff.dossier.DossierFeedService;
import vn.hanoi.hcc.bff.dossier.DossierFilingService;
import vn.hanoi.hcc.bff.dossier.FeedCursor;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.security.Caller;
import vn.hanoi.hcc.bff.security.Scopes;

/** The city system and agents: filing dossiers, their events, and the change feed. */
@RestController
@RequestMapping(path = "/api/v1/agent", produces = "application/json")
@Tag(name = "Agents and the city system", description = "Filing dossiers, status events, the change feed")
@ApiResponse(responseCode = "400", description = "An invalid field, named in errors")
@ApiResponse(responseCode = "401", description = "No valid API key")
@ApiResponse(responseCode = "403", description = "The key lacks the operation's scope")
class AgentDossierController {

    private final DossierFilingService filing;
    private final DossierEventService events;
    private final DossierFeedService feed;
    private final BatchEvents batches;
    private final Clock clock;

    AgentDossierController(
            DossierFilingService filing,
            DossierEventService events,
            DossierFeedService feed,
            BatchEvents batches,
            Clock clock) {
        this.clock = clock;
        this.filing = filing;
        this.events = events;
        this.feed = feed;
        this.batches = batches;
    }

    @PostMapping(path = "/dossiers", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "apiKey", scopes = Scopes.DOSSIERS_WRITE)
    @Operation(
            summary = "File a dossier",
            description = "The city system may give its own code; agents get one. "
                    + "An agent's key files only for the agencies it names (agencies of POST /api/v1/ops/api-keys). "
                    + "Send an Idempotency-Key: a retry then never files twice.")
    @ApiResponse(responseCode = "201", description = "{code, lookupSecret, status, dueAt}")
    @ApiResponse(
            responseCode = "403",
            description = "The key lacks dossiers:write, or (an agent's key) may not file "
                    + "for this agencyCode, named in errors")
    @ApiResponse(responseCode = "409", description = "The city system's code is taken")
    Mono<AgentResponses.Filed> file(@Valid @RequestBody FileDossierRequest request, Caller caller) {
        Caller client = caller.requireScope(Scopes.DOSSIERS_WRITE).requireAgency(request.agencyCode());
        return filing.file(DossierRequests.newDossier(request, client, clock.instant()), client)
                .map(AgentResponses.Filed::of);
    }

    @PostMapping(path = "/dossiers/{code}/events", consumes = "application/json")
    @SecurityRequirement(name = "apiKey", scopes = Scopes.DOSSIERS_WRITE)
    @Operation(
            summary = "A status event or a due-date extension",
            description = "Idempotent by (client, eventId). An event older than the newest applied one joins the "
                    + "timeline without moving the status (result: timeline).")
    @ApiResponse(responseCode = "200", description = "result: applied, timeline or replayed")
    @ApiResponse(responseCode = "404", description = "No such dossier among those this client may see")
    @ApiResponse(responseCode = "409", description = "A transition the current status does not allow")
    @ApiResponse(responseCode = "422", description = "The eventId was used for another event")
    Mono<AgentResponses.Event> event(
            @PathVariable String code, @Valid @RequestBody DossierEventRequest request, Caller caller) {
        Caller client = caller.requireScope(Scopes.DOSSIERS_WRITE);
        return events.apply(code, DossierRequests.event(request, clock.instant()), client)
                .map(AgentResponses.Event::of);
    }

    @PostMapping(path = "/events:batch", consumes = "application/json")
    @SecurityRequirement(name = "apiKey", scopes = Scopes.DOSSIERS_WRITE)
    @Operation(
            summary = "Up to 500 events, a result for each",
            description = "Partial success: each event is " + "applied or refused on its own, in transactions of 100.")
    @ApiResponse(
            responseCode = "200",
            description = "A result per event: applied, timeline, replayed or refused with its problem")
    Mono<AgentResponses.Batch> batch(
            @Valid @RequestBody BatchRequest request, Caller caller, ServerWebExchange exchange) {
        return batches.apply(request, caller.requireScope(Scopes.DOSSIERS_WRITE), exchange);
    }

    @GetMapping("/dossiers")
    @SecurityRequirement(name = "apiKey", scopes = Scopes.DOSSIERS_READ)
    @Operation(
            summary = "The change feed",
            description = "Every change after the cursor (updatedSince: the next "
                    + "of the previous page; none for the beginning), never skipping or repeating one. Agents see the "
                    + "dossiers they filed, the city system all.")
    @ApiResponse(responseCode = "200", description = "The changes after the cursor, and the next cursor")
    Mono<AgentResponses.Feed> changes(
            @RequestParam(required = false) String updatedSince,
            @RequestParam(required = false) String limit,
            Caller caller) {
        Caller client = caller.requireScope(Scopes.DOSSIERS_READ);
        int size = QueryParameters.intBetween("limit", limit, 100, 1, 500);
        return feed.changes(client, FeedCursor.parse(updatedSince), size)
                .map(page -> new AgentResponses.Feed(
                        page.items().stream().map(AgentResponses.Change::of).toList(),
                        page.next().encode(),
                        page.hasMore()));
    }
}
