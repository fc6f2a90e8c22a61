package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.hanoi.hcc.bff.forecast.ForecastFixtures.at;
import static vn.hanoi.hcc.bff.forecast.ForecastFixtures.event;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.StatusEvent;

/** The backtest's arithmetic: errors, calibration, precision and recall, coverage, and where a life point falls. */
class BacktestTallyTest {

    private static BacktestTally.Observation forecast(
            ForecastLevel level, int predictedHours, int actualHours, boolean byBound, boolean flagged, boolean late) {
        return new BacktestTally.Observation(
                level,
                null,
                Duration.ofHours(predictedHours),
                Duration.ofHours(actualHours),
                byBound,
                byBound,
                flagged,
                false,
                Duration.ofHours(10),
                late);
    }

    private static BacktestTally.Observation none(boolean overdue, boolean late) {
        return new BacktestTally.Observation(
                null,
                Forecast.UnavailableReason.TOO_FEW_SIMILAR,
                null,
                Duration.ofHours(4),
                false,
                false,
                false,
                overdue,
                Duration.ZERO,
                late);
    }

    @Test
    void scoresErrorsCalibrationAndTheLateFlagAgainstTheBaseline() {
        BacktestTally tally = new BacktestTally();
        tally.add(forecast(ForecastLevel.PROCEDURE_AT_AGENCY, 8, 10, true, false, false)); // error 2, due 0
        tally.add(forecast(ForecastLevel.PROCEDURE_AT_AGENCY, 4, 10, true, true, true)); // error 6, due 0
        tally.add(forecast(ForecastLevel.PROCEDURE, 12, 11, false, true, false)); // error 1, due 1
        tally.add(forecast(ForecastLevel.FIELD, 20, 40, true, false, true)); // error 20, due 30
        tally.add(none(true, true));

        assertThat(tally.total()).isEqualTo(5);
        assertThat(tally.given()).isEqualTo(4);
        assertThat(tally.late()).isEqualTo(3);
        assertThat(tally.medianAbsoluteErrorHours()).isEqualTo(4.0); // 1, 2, 6, 20
        assertThat(tally.baselineMedianAbsoluteErrorHours()).isEqualTo(0.5); // 0, 0, 1, 30
        assertThat(tally.byBoundShare()).isEqualTo(0.75);
        assertThat(tally.share(ForecastLevel.PROCEDURE_AT_AGENCY)).isEqualTo(0.4);
        assertThat(tally.share(ForecastLevel.FIELD)).isEqualTo(0.2);
        assertThat(tally.share(Forecast.UnavailableReason.TOO_FEW_SIMILAR)).isEqualTo(0.2);
        assertThat(tally.likelyLate().precision()).isEqualTo(0.5); // 2 flagged, 1 late
        assertThat(tally.likelyLate().recall()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(tally.baseline().precision()).isEqualTo(1.0); // the one overdue was late
        assertThat(tally.baseline().recall()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(tally.beforeOverdue().precision()).isEqualTo(0.5); // both flagged were not yet overdue
        assertThat(tally.beforeOverdue().recall()).isEqualTo(0.5); // 2 late not yet overdue, 1 flagged
    }

    @Test
    void saysWhatIsUndefinedInsteadOfInventingIt() {
        BacktestTally tally = new BacktestTally();
        tally.add(none(false, false));

        assertThat(tally.medianAbsoluteErrorHours()).isNaN();
        assertThat(tally.byBoundShare()).isNaN();
        assertThat(tally.likelyLate().precision()).isNaN();
        assertThat(tally.likelyLate().recall()).isNaN();
        assertThat(BacktestReport.percent(tally.byBoundShare())).isEqualTo("—");
        assertThat(BacktestTally.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }

    @Test
    void aLifePointFallsWhereTheClockReachesItsShareSkippingPausesAndNights() {
        ForecastBacktest backtest = new ForecastBacktest(ForecastFixtures.CALENDAR, 30);
        List<StatusEvent> events = List.of(
                event(DossierStatus.RECEIVED, "2026-08-27T16:00"), // Thursday: 1 h
                event(DossierStatus.SUPPLEMENT_REQUIRED, "2026-08-28T08:00"), // paused over the weekend
                event(DossierStatus.PROCESSING, "2026-08-31T10:00"), // Monday, then the National Day holidays
                event(DossierStatus.RESULT_READY, "2026-09-03T10:00"));

        assertThat(backtest.momentSpent(events, Duration.ZERO)).isEqualTo(at("2026-08-27T16:00"));
        assertThat(backtest.momentSpent(events, Duration.ofMinutes(30))).isEqualTo(at("2026-08-27T16:30"));
        assertThat(backtest.momentSpent(events, Duration.ofHours(3))).isEqualTo(at("2026-08-31T12:00"));
        assertThat(backtest.momentSpent(events, Duration.ofHours(8))).isEqualTo(at("2026-09-03T09:00"));
        assertThat(ForecastBacktest.snapshots(at("2026-08-27T16:00"), at("2026-09-10T10:00")))
                .containsExactly(at("2026-09-02T10:00"), at("2026-09-09T10:00"));
    }
}
