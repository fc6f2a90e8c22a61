package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Replayed;
import vn.hanoi.hcc.bff.dossier.DossierHistoryWriter.Step;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.EventKind;
import vn.hanoi.hcc.bff.worktime.WorkingCalendar;

/** The synthetic history generator: seeded, and every dossier one the service could have written. */
class SyntheticHistoryTest {

    static final int SMALL = 1_500;

    static SyntheticWorld world;
    static List<Replayed> history;

    @BeforeAll
    static void generate() throws IOException {
        world = world();
        history = new SyntheticHistory(world, 7).generate(SyntheticHistory.Window.year(), SMALL);
    }

    /** The demo procedures, a few points, and the Center's calendar with 2026's holidays (Tết among them). */
    static SyntheticWorld world() throws IOException {
        List<SyntheticWorld.Point> points = List.of(
                new SyntheticWorld.Point("HQ", "HQ", "00103", "Tây Hồ", 3),
                new SyntheticWorld.Point("D001", "RECEPTION", "00004", "Đống Đa - Hoàn Kiếm - Ba Đình", 1),
                new SyntheticWorld.Point("W00004", "WARD_POINT", "00004", "Đống Đa - Hoàn Kiếm - Ba Đình", 60_000),
                new SyntheticWorld.Point("W00103", "WARD_POINT", "00103", "Tây Hồ", 90_000));
        Set<String> wards = Set.of("WARD_POINT", "COMMUNITY");
        Set<String> both = Set.of("HQ", "BRANCH", "RECEPTION", "WARD_POINT", "COMMUNITY");
        Map<String, Set<String>> fields = Map.of(
                "Hộ tịch",
                wards,
                "Chứng thực",
                wards,
                "Thành lập và hoạt động của hộ kinh doanh",
                wards,
                "Đất đai",
                both,
                "Hoạt động xây dựng",
                both);
        return new SyntheticWorld(SyntheticWorld.demoProcedures(), points, fields, new WorkingCalendar(holidays()));
    }

    static Set<LocalDate> holidays() {
        return Stream.concat(
                        Stream.iterate(LocalDate.of(2026, 2, 14), day -> day.plusDays(1))
                                .limit(9),
                        Stream.of(
                                        "2026-01-01",
                                        "2026-04-26",
                                        "2026-04-27",
                                        "2026-04-30",
                                        "2026-05-01",
                                        "2026-09-01",
                                        "2026-09-02")
                                .map(LocalDate::parse))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theSameSeedMakesTheSameHistoryAndAnotherSeedAnother() {
        List<Replayed> again = new SyntheticHistory(world, 7).generate(SyntheticHistory.Window.year(), SMALL);
        List<Replayed> other = new SyntheticHistory(world, 8).generate(SyntheticHistory.Window.year(), SMALL);

        assertThat(again).isEqualTo(history);
        assertThat(other).isNotEqualTo(history);
        assertThat(history).hasSizeBetween(SMALL - 60, SMALL + 60);
    }

    @Test
    void everyStatusChangeIsOneTheProductAllowsInTimeOrder() {
        for (Replayed dossier : history) {
            List<Step> steps = dossier.steps();
            assertThat(steps.get(0).kind()).isEqualTo(EventKind.FILED);
            assertThat(steps.get(0).after().status()).isIn(DossierStatus.NEW, DossierStatus.RECEIVED);
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step step = steps.get(i);
                assertThat(step.event().occurredAt())
                        .isAfterOrEqualTo(before.event().occurredAt());
                assertThat(step.after().version()).isEqualTo(i + 1L);
                if (step.kind() == EventKind.STATUS) {
                    assertThat(before.after().status().canMoveTo(step.event().status()))
                            .as(
                                    "%s: %s to %s",
                                    dossier.dossier().code(),
                                    before.after().status(),
                                    step.event().status())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theLegalDueTimeIsTheProceduresWorkingDaysOnTheCentersCalendar() {
        WorkingCalendar calendar = world.calendar();
        Map<String, Integer> days = world.procedures().stream()
                .collect(java.util.stream.Collectors.toMap(
                        SyntheticWorld.Procedure::code, SyntheticWorld.Procedure::workingDays));
        for (Replayed replayed : history) {
            var dossier = replayed.dossier();
            Duration legal = WorkingCalendar.WORKING_DAY.multipliedBy(days.get(dossier.procedureCode()));
            assertThat(dossier.originalDueAt()).isEqualTo(calendar.plus(dossier.receivedAt(), legal));
            assertThat(calendar.isWorkingDay(
                            dossier.originalDueAt().atZone(WorkingCalendar.ZONE).toLocalDate()))
                    .isTrue();
        }
    }

    @Test
    void leavingAPauseMovesTheDueTimeByThePausedTimeAndExtensionsMoveItLater() {
        int pauses = 0;
        int extensions = 0;
        for (Replayed dossier : history) {
            List<Step> steps = dossier.steps();
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step step = steps.get(i);
                if (step.kind() == EventKind.DUE_EXTENDED) {
                    extensions++;
                    assertThat(step.after().dueAt())
                            .isAfter(before.after().dueAt())
                            .isEqualTo(step.event().dueAt());
                } else if (before.after().status().isPaused()
                        && !step.after().status().isTerminal()) {
                    pauses++;
                    Duration paused = Duration.between(
                            before.after().statusAt(), step.event().occurredAt());
                    assertThat(step.after().dueAt())
                            .isEqualTo(before.after().dueAt().plus(paused));
                } else {
                    assertThat(step.after().dueAt()).isEqualTo(before.after().dueAt());
                }
            }
        }
        assertThat(pauses).isGreaterThan(SMALL / 20);
        assertThat(extensions).isGreaterThan(SMALL / 50);
    }

    @Test
    void aRealisticShareOfResultsComesLateAndSomeDossiersEndOtherwise() {
        long finished =
                history.stream().filter(r -> r.dossier().finishedAt() != null).count();
        long late = history.stream().filter(SyntheticHistory::finishedLate).count();
        assertThat((double) late / finished).isBetween(0.07, 0.17);
        assertThat(history)
                .extracting(r -> r.dossier().status())
                .contains(
                        DossierStatus.REJECTED,
                        DossierStatus.WITHDRAWN,
                        DossierStatus.STOPPED,
                        DossierStatus.RESULT_READY,
                        DossierStatus.RETURNED);
    }
}
