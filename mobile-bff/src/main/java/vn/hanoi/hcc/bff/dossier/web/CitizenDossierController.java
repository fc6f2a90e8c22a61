package vn.hanoi.hcc.bff.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.CompletionOutlook;
import vn.hanoi.hcc.bff.dossier.DossierQueryService;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.dossier.ExpectedCompletion;
import vn.hanoi.hcc.bff.dossier.ReminderSettingService;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.security.Caller;

/** A citizen following their own dossiers. */
@RestController
@RequestMapping(path = "/api/v1/me/dossiers", produces = "application/json")
@Tag(name = "Citizens", description = "My dossiers, their timelines and what to do next")
@SecurityRequirement(name = "bearer")
class CitizenDossierController {

    private final DossierQueryService dossiers;
    private final ReminderSettingService reminders;
    private final Clock clock;
    private final CompletionOutlook outlook;

    CitizenDossierController(
            DossierQueryService dossiers, ReminderSettingService reminders, Clock clock, CompletionOutlook outlook) {
        this.outlook = outlook;
        this.clock = clock;
        this.dossiers = dossiers;
        this.reminders = reminders;
    }

    /** One page of my dossiers. */
    record MyDossiersPage(List<DossierViews.SummaryView> items, int page, int size, long total, boolean hasMore) {}

    @GetMapping
    @Operation(
            summary = "My dossiers, newest first",
            description = "Labels in Vietnamese, or English with Accept-Language: en.")
    @ApiResponse(responseCode = "400", description = "page or size out of range")
    @ApiResponse(responseCode = "200", description = "A page of my dossiers")
    Mono<ResponseEntity<MyDossiersPage>> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Caller caller,
            Locale locale) {
        Caller citizen = caller.requirePerson();
        int number = QueryParameters.intBetween("page", page, 0, 0, 10_000);
        int length = QueryParameters.intBetween("size", size, 20, 1, 100);
        Instant now = clock.instant();
        return dossiers.listForOwner(citizen.subject(), number, length)
                .flatMap(found -> reminders
                        .optedOut(found.dossiers().stream()
                                .map(DossierRecord::dossier)
                                .toList())
                        .map(optedOut -> new MyDossiersPage(
                                found.dossiers().stream()
                                        .map(record -> DossierViews.summary(
                                                record,
                                                locale,
                                                now,
                                                forecast(record, now, locale),
                                                !optedOut.contains(
                                                        record.dossier().id())))
                                        .toList(),
                                found.page(),
                                found.size(),
                                found.total(),
                                found.hasMore())))
                .map(body -> localized(body, locale));
    }

    @GetMapping("/{code}")
    @Operation(summary = "One of my dossiers with its whole timeline")
    @ApiResponse(responseCode = "404", description = "Unknown, or someone else's: the same answer")
    @ApiResponse(responseCode = "200", description = "The dossier and its timeline")
    Mono<ResponseEntity<DossierViews.DetailView>> get(@PathVariable String code, Caller caller, Locale locale) {
        Caller citizen = caller.requirePerson();
        // The setting is read beside the dossier, not after it (the dossier itself is mostly Redis's).
        // Both run to the end, found or not: an unknown dossier must not cancel the setting's query
        // in flight (r2dbc-postgresql leaks a cancelled statement's parameters).
        Mono<Optional<DossierRecord>> owned =
                dossiers.forOwner(code, citizen.subject()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(owned, reminders.enabled(code))
                .flatMap(found -> Mono.justOrEmpty(found.getT1()).map(record -> {
                    Instant now = clock.instant();
                    return localized(
                            DossierViews.detail(record, locale, now, forecast(record, now, locale), found.getT2()),
                            locale);
                }));
    }

    static <T> ResponseEntity<T> localized(T body, Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(body);
    }

    private ExpectedCompletion forecast(DossierRecord record, Instant now, Locale locale) {
        return outlook.of(record, now, locale).orElse(null);
    }
}
