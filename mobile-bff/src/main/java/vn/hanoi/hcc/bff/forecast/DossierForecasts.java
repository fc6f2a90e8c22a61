package vn.hanoi.hcc.bff.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.dossier.CompletionOutlook;
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierRecord;
import vn.hanoi.hcc.bff.dossier.ExpectedCompletion;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.dossier.TimelineEntry;
import vn.hanoi.hcc.bff.i18n.Language;

/**
 * The forecasts of stored dossiers, from this replica's {@link ForecastIndex}: a map lookup and a
 * little arithmetic, no database.
 */
@Component
public class DossierForecasts implements CompletionOutlook {

    private final ForecastIndex index;

    DossierForecasts(ForecastIndex index) {
        this.index = index;
    }

    /** The forecast of a running dossier; empty before this replica's first load. */
    public Optional<Forecast> forecast(DossierRecord record, Instant now) {
        RunningDossier running = running(record);
        if (!running.isRunning()) {
            throw new IllegalArgumentException(
                    "Not running: " + record.dossier().code());
        }
        return index.forecaster().map(forecaster -> forecaster.forecast(running, now));
    }

    @Override
    public Optional<ExpectedCompletion> of(DossierRecord record, Instant now, Locale locale) {
        if (!running(record).isRunning()) {
            return Optional.empty();
        }
        Language language = Language.of(locale);
        boolean paused = record.dossier().status().isPaused();
        return Optional.of(forecast(record, now)
                .map(forecast -> view(forecast, language))
                .orElseGet(() -> unavailable("NOT_READY", paused, language)));
    }

    private static ExpectedCompletion view(Forecast forecast, Language language) {
        if (forecast instanceof Forecast.Unavailable none) {
            return unavailable(none.reason().name(), none.paused(), language);
        }
        Forecast.Expected expected = (Forecast.Expected) forecast;
        Forecast.Basis basis = expected.basis();
        return new ExpectedCompletion(
                true,
                expected.expectedReadyAt(),
                expected.lateBoundAt(),
                expected.likelyLate(),
                expected.paused(),
                new ExpectedCompletion.ForecastBasis(
                        basis.level().name(), basis.sampleSize(), basis.windowFrom(), basis.windowTo()),
                null,
                ForecastTexts.expected(expected, language));
    }

    private static ExpectedCompletion unavailable(String reason, boolean paused, Language language) {
        return new ExpectedCompletion(
                false, null, null, null, paused, null, reason, ForecastTexts.unavailable(reason, language));
    }

    /** The dossier's applied status events; its current status alone if its timeline was not read. */
    private static RunningDossier running(DossierRecord record) {
        Dossier dossier = record.dossier();
        List<StatusEvent> timeline = record.timeline().stream()
                .filter(entry -> entry.applied() && entry.status() != null)
                .map(DossierForecasts::event)
                .toList();
        if (timeline.isEmpty()) {
            timeline = List.of(new StatusEvent(dossier.status(), dossier.statusAt()));
        }
        return new RunningDossier(
                dossier.procedureCode(), dossier.agencyCode(), dossier.field(), dossier.dueAt(), timeline);
    }

    private static StatusEvent event(TimelineEntry entry) {
        return new StatusEvent(entry.status(), entry.occurredAt());
    }
}
