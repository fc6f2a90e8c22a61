package vn.hanoi.hcc.bff.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.CompletionOutlook;
import vn.hanoi.hcc.bff.dossier.DossierQueryService;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.dossier.ExpectedCompletion;
import vn.hanoi.hcc.bff.security.Caller;

/** Anyone holding a receipt: the dossier's public view. */
@RestController
@Tag(name = "Public lookup", description = "A dossier by the code and secret on its receipt")
class DossierLookupController {

    private final DossierQueryService dossiers;
    private final Clock clock;
    private final CompletionOutlook outlook;

    DossierLookupController(DossierQueryService dossiers, Clock clock, CompletionOutlook outlook) {
        this.outlook = outlook;
        this.clock = clock;
        this.dossiers = dossiers;
    }

    @PostMapping(path = "/api/v1/dossiers/lookup", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Look a dossier up with its receipt",
            description = "The public view: status, timing, due time, receiving point, masked name, the timeline "
                    + "without notes. Unknown codes and wrong secrets give the same 404. 20 wrong lookups from one "
                    + "client address in 15 minutes refuse that address for a while (429), and 100 of one code from "
                    + "all addresses together refuse that code to everyone; a lookup that matches never counts.")
    @ApiResponse(responseCode = "200", description = "The public view")
    @ApiResponse(responseCode = "404", description = "No dossier matches this code and secret")
    @ApiResponse(
            responseCode = "429",
            description = "Too many wrong lookups from this address, or of this code; " + "see Retry-After")
    Mono<ResponseEntity<DossierViews.PublicView>> lookup(
            @Valid @RequestBody LookupRequest request, Caller caller, Locale locale) {
        return dossiers.lookup(request.code(), request.secret(), String.valueOf(caller.clientAddress()))
                .map(record -> {
                    Instant now = clock.instant();
                    return CitizenDossierController.localized(
                            DossierViews.publicView(record, locale, now, forecast(record, now, locale)), locale);
                });
    }

    private ExpectedCompletion forecast(DossierRecord record, Instant now, Locale locale) {
        return outlook.of(record, now, locale).orElse(null);
    }
}
