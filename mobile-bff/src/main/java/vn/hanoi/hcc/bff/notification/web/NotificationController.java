package vn.hanoi.hcc.bff.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.error.InvalidRequestException;
import vn.hanoi.hcc.bff.i18n.Language;
import vn.hanoi.hcc.bff.input.QueryParameters;
import vn.hanoi.hcc.bff.notification.InboxEntry;
import vn.hanoi.hcc.bff.notification.InboxService;
import vn.hanoi.hcc.bff.notification.NotificationEvent;
import vn.hanoi.hcc.bff.notification.NotificationTexts;
import vn.hanoi.hcc.bff.security.Caller;

/** A citizen's in-app inbox. */
@RestController
@RequestMapping(path = "/api/v1/me/notifications", produces = "application/json")
@Tag(name = "Citizens")
@SecurityRequirement(name = "bearer")
class NotificationController {

    private final InboxService inbox;

    NotificationController(InboxService inbox) {
        this.inbox = inbox;
    }

    /** One notification as the app shows it. */
    record NotificationView(
            long id,
            String dossierCode,
            NotificationEvent event,
            int status,
            String title,
            String body,
            Instant dueAt,
            Instant createdAt,
            boolean read) {}

    /** One page of my inbox. */
    record NotificationPage(
            List<NotificationView> items, int page, int size, long total, long unread, boolean hasMore) {}

    /** How many were marked read. */
    record Marked(long marked) {}

    @GetMapping
    @Operation(
            summary = "My notifications, newest first",
            description =
                    "Texts in Vietnamese, or English with Accept-Language: en. unread=true: only the unread ones.")
    @ApiResponse(responseCode = "400", description = "page, size or unread malformed")
    @ApiResponse(responseCode = "200", description = "A page of my notifications, with the unread count")
    Mono<ResponseEntity<NotificationPage>> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String unread,
            Caller caller,
            Locale locale) {
        Caller citizen = caller.requirePerson();
        int number = QueryParameters.intBetween("page", page, 0, 0, 10_000);
        int length = QueryParameters.intBetween("size", size, 20, 1, 100);
        boolean unreadOnly = QueryParameters.flag("unread", unread, false);
        boolean english = Language.of(locale).isEnglish();
        return inbox.page(citizen.subject(), number, length, unreadOnly)
                .map(found -> new NotificationPage(
                        found.entries().stream()
                                .map(entry -> view(entry, english))
                                .toList(),
                        found.page(),
                        found.size(),
                        found.total(),
                        found.unread(),
                        found.hasMore()))
                .map(body -> ResponseEntity.ok()
                        .header(
                                HttpHeaders.CONTENT_LANGUAGE,
                                Language.of(locale).tag())
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                        .body(body));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my notifications read", description = "Idempotent.")
    @ApiResponse(responseCode = "204", description = "Read")
    @ApiResponse(responseCode = "404", description = "Not one of my notifications")
    Mono<Void> markRead(@PathVariable String id, Caller caller) {
        Caller citizen = caller.requirePerson();
        return inbox.markRead(citizen.subject(), notificationId(id));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read")
    Mono<Marked> markAllRead(Caller caller) {
        Caller citizen = caller.requirePerson();
        return inbox.markAllRead(citizen.subject()).map(Marked::new);
    }

    private static NotificationView view(InboxEntry entry, boolean english) {
        NotificationTexts.Text text = NotificationTexts.of(
                entry.event(), DossierStatus.of(entry.status()), entry.dossierCode(), entry.dueAt(), english);
        return new NotificationView(
                entry.id(),
                entry.dossierCode(),
                entry.event(),
                entry.status(),
                text.title(),
                text.body(),
                entry.dueAt(),
                entry.createdAt(),
                entry.readAt() != null);
    }

    private static long notificationId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidRequestException.of("id", "must be a positive whole number");
    }
}
