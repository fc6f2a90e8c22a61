package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.PROCESSING;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.RECEIVED;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.RESULT_READY;
import static vn.hanoi.hcc.bff.dossier.DossierStatus.SUPPLEMENT_REQUIRED;
import static vn.hanoi.hcc.bff.forecast.ForecastFixtures.at;
import static vn.hanoi.hcc.bff.forecast.ForecastFixtures.event;
import static vn.hanoi.hcc.bff.forecast.ForecastFixtures.spread;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.dossier.StatusEvent;
import vn.hanoi.hcc.bff.forecast.DistributionTable.Group;

class ForecasterTest {

    private static final Instant FROM = at("2026-02-24T00:00");
    private static final Instant TO = at("2026-08-23T00:00");
    private static final String AGENCY_KEY = "1.001@H26.01";

    @Test
    void forecastsTheMedianAndTheEightyPercentBoundInWorkingTime() {
        Forecaster forecaster =
                forecaster(Map.of(new Group(ForecastLevel.PROCEDURE_AT_AGENCY, AGENCY_KEY), spread(101, 0, 80)));
        Forecast.Expected forecast =
                expected(forecaster.forecast(justReceived("2026-09-10T17:00"), at("2026-08-24T08:00")));
        // 40 working hours from Monday 08:00: Friday 17:00; 64 h: Friday 4 September, past National Day
        assertThat(forecast.expectedReadyAt()).isEqualTo(at("2026-08-28T17:00"));
        assertThat(forecast.lateBoundAt()).isEqualTo(at("2026-09-04T17:00"));
        assertThat(forecast.likelyLate()).isFalse();
        assertThat(forecast.lateBy()).isZero();
        assertThat(forecast.paused()).isFalse();
        assertThat(forecast.basis())
                .isEqualTo(new Forecast.Basis(ForecastLevel.PROCEDURE_AT_AGENCY, AGENCY_KEY, 101, FROM, TO));
    }

    @Test
    void forecastsFromTheDossiersThatTookAtLeastAsLong() {
        Forecaster forecaster =
                forecaster(Map.of(new Group(ForecastLevel.PROCEDURE_AT_AGENCY, AGENCY_KEY), spread(101, 0, 100)));
        RunningDossier dossier = new RunningDossier(
                "1.001", "H26.01", "Hộ tịch", at("2026-09-30T17:00"), List.of(event(RECEIVED, "2026-08-24T08:00")));
        // 30 h spent by Thursday 15:00: the median of 30..100 h is 65 h, 35 h to go
        Forecast.Expected forecast = expected(forecaster.forecast(dossier, at("2026-08-27T15:00")));
        assertThat(forecast.spent()).isEqualTo(Duration.ofHours(30));
        assertThat(forecast.remaining()).isEqualTo(Duration.ofHours(35));
        assertThat(forecast.basis().sampleSize()).isEqualTo(71);
    }

    @Test
    void fallsBackToTheProcedureThenTheFieldWhenTooFewAreComparable() {
        Map<Group, DurationDistribution> groups = Map.of(
                new Group(ForecastLevel.PROCEDURE_AT_AGENCY, AGENCY_KEY), spread(29, 0, 80),
                new Group(ForecastLevel.PROCEDURE, "1.001"), spread(30, 0, 80),
                new Group(ForecastLevel.FIELD, "Hộ tịch"), spread(400, 0, 200));
        Forecaster forecaster = forecaster(groups);
        Instant now = at("2026-08-24T08:00");
        assertThat(expected(forecaster.forecast(justReceived("2026-09-10T17:00"), now))
                        .basis()
                        .level())
                .isEqualTo(ForecastLevel.PROCEDURE);
        // 56 h spent: of the procedure's 30, only 9 took as long; of the field's 400, 288
        RunningDossier older = new RunningDossier(
                "1.001", "H26.01", "Hộ tịch", at("2026-09-30T17:00"), List.of(event(PROCESSING, "2026-08-13T08:00")));
        Forecast.Basis basis = expected(forecaster.forecast(older, now)).basis();
        assertThat(basis.level()).isEqualTo(ForecastLevel.FIELD);
        assertThat(basis.key()).isEqualTo("Hộ tịch");
        assertThat(basis.sampleSize()).isEqualTo(288);
    }

    @Test
    void saysWhyWhenNoLevelHasEnough() {
        Instant now = at("2026-08-24T08:00");
        assertThat(forecaster(Map.of()).forecast(justReceived("2026-09-10T17:00"), now))
                .isEqualTo(new Forecast.Unavailable(Forecast.UnavailableReason.NO_HISTORY, false));
        Forecaster few = forecaster(Map.of(new Group(ForecastLevel.FIELD, "Hộ tịch"), spread(29, 0, 80)));
        assertThat(few.forecast(justReceived("2026-09-10T17:00"), now))
                .isEqualTo(new Forecast.Unavailable(Forecast.UnavailableReason.TOO_FEW_SIMILAR, false));
        Forecaster outlasted = forecaster(Map.of(
                new Group(ForecastLevel.PROCEDURE, "1.001"), spread(200, 0, 16),
                new Group(ForecastLevel.FIELD, "Hộ tịch"), spread(10, 0, 80)));
        RunningDossier slow = new RunningDossier(
                "1.001", "H26.01", "Hộ tịch", at("2026-09-30T17:00"), List.of(event(PROCESSING, "2026-08-19T08:00")));
        assertThat(outlasted.forecast(slow, now))
                .isEqualTo(new Forecast.Unavailable(Forecast.UnavailableReason.OUTLASTED_SIMILAR, false));
    }

    @Test
    void forecastsAPausedDossierAsIfItResumedNowAndMovesItsDueTimeAsResumingWould() {
        Forecaster forecaster =
                forecaster(Map.of(new Group(ForecastLevel.PROCEDURE_AT_AGENCY, AGENCY_KEY), spread(101, 0, 80)));
        // 8 h spent on Monday, waiting for documents since Tuesday 08:00; due Monday 31 August 17:00
        RunningDossier paused = new RunningDossier(
                "1.001",
                "H26.01",
                "Hộ tịch",
                at("2026-08-31T17:00"),
                List.of(event(RECEIVED, "2026-08-24T08:00"), event(SUPPLEMENT_REQUIRED, "2026-08-25T08:00")));
        Forecast.Expected forecast = expected(forecaster.forecast(paused, at("2026-08-27T08:00")));
        assertThat(forecast.paused()).isTrue();
        assertThat(forecast.spent()).isEqualTo(Duration.ofHours(8));
        // median of 8..80 h is 44 h: 36 h from Thursday 08:00, across National Day
        assertThat(forecast.remaining()).isEqualTo(Duration.ofHours(36));
        assertThat(forecast.expectedReadyAt()).isEqualTo(at("2026-09-04T12:00"));
        // two days paused so far move the due time to Wednesday 2 September 17:00, inside the holiday
        assertThat(forecast.dueAt()).isEqualTo(at("2026-09-02T17:00"));
        assertThat(forecast.likelyLate()).isTrue();
        assertThat(forecast.lateBy()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void takesADueTimeInsideAHolidayAsReachedAtTheHolidaysStart() {
        // due Tuesday 1 September 10:00 (National Day); 7 h spent by Monday 16:00
        List<StatusEvent> timeline = List.of(event(PROCESSING, "2026-08-31T08:00"));
        Instant now = at("2026-08-31T16:00");
        Instant dueInHoliday = at("2026-09-01T10:00");
        RunningDossier dossier = new RunningDossier("1.001", "H26.01", "Hộ tịch", dueInHoliday, timeline);
        // every comparable dossier took 8 h: ready Monday 17:00, before the holiday
        Forecast.Expected inTime =
                expected(forecaster(Map.of(new Group(ForecastLevel.PROCEDURE, "1.001"), spread(40, 8, 8)))
                        .forecast(dossier, now));
        assertThat(inTime.expectedReadyAt()).isEqualTo(at("2026-08-31T17:00"));
        assertThat(inTime.likelyLate()).isFalse();
        // one working minute more is Thursday 08:01, after the holiday: late by that minute only
        DurationDistribution longer = DurationDistribution.of(40, constant(8 * 3600 + 60));
        Forecast.Expected late = expected(forecaster(Map.of(new Group(ForecastLevel.PROCEDURE, "1.001"), longer))
                .forecast(dossier, now));
        assertThat(late.expectedReadyAt()).isEqualTo(at("2026-09-03T08:01"));
        assertThat(late.likelyLate()).isTrue();
        assertThat(late.lateBy()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void forecastsOnlyRunningDossiers() {
        RunningDossier finished = new RunningDossier(
                "1.001", "H26.01", "Hộ tịch", at("2026-09-10T17:00"), List.of(event(RESULT_READY, "2026-08-24T08:00")));
        assertThatThrownBy(() -> forecaster(Map.of()).forecast(finished, at("2026-08-25T08:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Forecaster forecaster(Map<Group, DurationDistribution> groups) {
        return new Forecaster(DistributionTable.of(1, FROM, TO, groups), ForecastFixtures.CALENDAR);
    }

    private static RunningDossier justReceived(String due) {
        return new RunningDossier("1.001", "H26.01", "Hộ tịch", at(due), List.of(event(RECEIVED, "2026-08-24T08:00")));
    }

    private static Forecast.Expected expected(Forecast forecast) {
        assertThat(forecast).isInstanceOf(Forecast.Expected.class);
        return (Forecast.Expected) forecast;
    }

    private static int[] constant(int seconds) {
        int[] percentiles = new int[DurationDistribution.POINTS];
        Arrays.fill(percentiles, seconds);
        return percentiles;
    }
}
