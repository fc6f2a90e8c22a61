package vn.hanoi.hcc.bff.dossier.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.ExpectedCompletion;
import vn.hanoi.hcc.bff.dossier.ReceivingPoint;
import vn.hanoi.hcc.bff.dossier.RequiredAction;
import vn.hanoi.hcc.bff.dossier.TimelineEntry;
import vn.hanoi.hcc.bff.dossier.TimingClass;
import vn.hanoi.hcc.bff.privacy.NameMask;

/** The dossier API's answers, with labels in the caller's language (Vietnamese unless English is asked). */
final class DossierViews {

    private DossierViews() {}

    record StatusView(int code, String key, String label) {
        static StatusView of(DossierStatus status, Locale locale) {
            return status == null ? null : new StatusView(status.code(), status.name(), status.label(locale));
        }
    }

    record TimingView(TimingClass key, String label) {
        static TimingView of(TimingClass timing, Locale locale) {
            return new TimingView(timing, timing.label(locale));
        }
    }

    record ActionView(RequiredAction code, String label) {
        static ActionView of(Dossier dossier, Locale locale) {
            return dossier.requiredAction()
                    .map(action -> new ActionView(action, action.label(locale)))
                    .orElse(null);
        }
    }

    record PointView(
            String id,
            String name,
            @Schema(types = {"string", "null"}) String address) {
        static PointView of(ReceivingPoint point) {
            return new PointView(point.id(), point.name(), point.address());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimelineView(
            String kind,
            StatusView status,
            Instant occurredAt,
            String agency,
            String note,
            Instant dueAt,
            String reason,
            boolean applied) {}

    /** A line of a citizen's list. */
    record SummaryView(
            String code,
            String procedureName,
            StatusView status,
            TimingView timing,
            Instant dueAt,
            Instant receivedAt,
            PointView receivingPoint,

            @Schema(
                    types = {"object", "null"},
                    description = "null when nothing is asked of the citizen")
            ActionView requiredAction,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Running dossiers only (1, 2, 4, 5, 6): absent for finished or closed ones")
            ExpectedCompletion forecast) {}

    /** Everything about a dossier, for its owner. */
    record DetailView(
            String code,
            String procedureCode,
            String procedureName,
            String field,
            String applicantName,
            StatusView status,
            TimingView timing,
            Instant receivedAt,
            Instant originalDueAt,
            Instant dueAt,
            String channel,
            String resultDelivery,
            PointView receivingPoint,

            @Schema(
                    types = {"object", "null"},
                    description = "null when nothing is asked of the citizen")
            ActionView requiredAction,

            List<TimelineView> timeline,
            long version,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Running dossiers only (1, 2, 4, 5, 6): absent for finished or closed ones")
            ExpectedCompletion forecast) {}

    /** What anyone with the receipt sees: no notes, no reasons, the name masked. */
    record PublicView(
            String code,
            String procedureName,
            String applicantName,
            StatusView status,
            TimingView timing,
            Instant receivedAt,
            Instant dueAt,
            PointView receivingPoint,
            List<TimelineView> timeline,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Running dossiers only (1, 2, 4, 5, 6): absent for finished or closed ones")
            ExpectedCompletion forecast) {}

    static SummaryView summary(DossierRecord record, Locale locale, Instant now, ExpectedCompletion forecast) {
        Dossier dossier = record.dossier();
        return new SummaryView(
                dossier.code(),
                dossier.procedureName(),
                StatusView.of(dossier.status(), locale),
                TimingView.of(dossier.timingClass(now), locale),
                dossier.dueAt(),
                dossier.receivedAt(),
                PointView.of(record.point()),
                ActionView.of(dossier, locale),
                forecast);
    }

    static DetailView detail(DossierRecord record, Locale locale, Instant now, ExpectedCompletion forecast) {
        Dossier dossier = record.dossier();
        return new DetailView(
                dossier.code(),
                dossier.procedureCode(),
                dossier.procedureName(),
                dossier.field(),
                dossier.applicantName(),
                StatusView.of(dossier.status(), locale),
                TimingView.of(dossier.timingClass(now), locale),
                dossier.receivedAt(),
                dossier.originalDueAt(),
                dossier.dueAt(),
                dossier.channel().code(),
                dossier.resultDelivery().code(),
                PointView.of(record.point()),
                ActionView.of(dossier, locale),
                timeline(record.timeline(), locale, true),
                dossier.version(),
                forecast);
    }

    static PublicView publicView(DossierRecord record, Locale locale, Instant now, ExpectedCompletion forecast) {
        Dossier dossier = record.dossier();
        return new PublicView(
                dossier.code(),
                dossier.procedureName(),
                NameMask.mask(dossier.applicantName()),
                StatusView.of(dossier.status(), locale),
                TimingView.of(dossier.timingClass(now), locale),
                dossier.receivedAt(),
                dossier.dueAt(),
                PointView.of(record.point()),
                timeline(record.timeline(), locale, false),
                forecast);
    }

    private static List<TimelineView> timeline(List<TimelineEntry> entries, Locale locale, boolean withTexts) {
        return entries.stream()
                .map(entry -> new TimelineView(
                        entry.kind().name(),
                        StatusView.of(entry.status(), locale),
                        entry.occurredAt(),
                        entry.agency(),
                        withTexts ? entry.note() : null,
                        entry.dueAt(),
                        withTexts ? entry.reason() : null,
                        entry.applied()))
                .toList();
    }
}
