package vn.hanoi.hcc.bff.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hanoi.hcc.bff.error.ConflictException;

class DossierChangeTest {

    private static final Instant T0 = Instant.parse("2025-11-20T01:00:00Z");
    private static final Map<DossierStatus, Set<DossierStatus>> ALLOWED = Map.of(
            DossierStatus.NEW, EnumSet.of(DossierStatus.RECEIVED, DossierStatus.REJECTED, DossierStatus.WITHDRAWN),
            DossierStatus.RECEIVED,
                    EnumSet.of(
                            DossierStatus.PROCESSING,
                            DossierStatus.SUPPLEMENT_REQUIRED,
                            DossierStatus.PAYMENT_REQUIRED,
                            DossierStatus.WITHDRAWN,
                            DossierStatus.STOPPED,
                            DossierStatus.RESULT_READY),
            DossierStatus.PROCESSING,
                    EnumSet.of(
                            DossierStatus.SUPPLEMENT_REQUIRED,
                            DossierStatus.PAYMENT_REQUIRED,
                            DossierStatus.WITHDRAWN,
                            DossierStatus.STOPPED,
                            DossierStatus.RESULT_READY),
            DossierStatus.SUPPLEMENT_REQUIRED,
                    EnumSet.of(DossierStatus.PROCESSING, DossierStatus.WITHDRAWN, DossierStatus.STOPPED),
            DossierStatus.PAYMENT_REQUIRED,
                    EnumSet.of(
                            DossierStatus.PROCESSING,
                            DossierStatus.RESULT_READY,
                            DossierStatus.WITHDRAWN,
                            DossierStatus.STOPPED),
            DossierStatus.RESULT_READY, EnumSet.of(DossierStatus.RETURNED));

    /** Every one of the 100 pairs: allowed exactly when the product spec lists it. */
    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void allowsExactlyTheSpecifiedTransitions(DossierStatus from) {
        for (DossierStatus to : DossierStatus.values()) {
            boolean allowed = ALLOWED.getOrDefault(from, Set.of()).contains(to);
            DossierEventCommand event = status(to, T0.plusSeconds(60));
            if (allowed) {
                assertThat(DossierChange.of(dossier(from, T0), event).status()).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> DossierChange.of(dossier(from, T0), event))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining("status " + from.code())
                        .hasMessageContaining("move to " + to.code());
            }
        }
    }

    @Test
    void putsAnEventOlderThanTheNewestInTheTimelineOnly() {
        DossierChange change = DossierChange.of(
                dossier(DossierStatus.PROCESSING, T0), status(DossierStatus.RECEIVED, T0.minusSeconds(60)));

        assertThat(change.applied()).isFalse();
        assertThat(change.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(change.statusAt()).isEqualTo(T0);
    }

    @Test
    void movesTheDueTimeByTheTimeSpentPaused() {
        Dossier paused = dossier(DossierStatus.SUPPLEMENT_REQUIRED, T0);

        DossierChange resumed =
                DossierChange.of(paused, status(DossierStatus.PROCESSING, T0.plus(Duration.ofHours(30))));

        assertThat(resumed.dueAt()).isEqualTo(paused.dueAt().plus(Duration.ofHours(30)));
        assertThat(DossierChange.of(paused, status(DossierStatus.WITHDRAWN, T0.plusSeconds(60)))
                        .dueAt())
                .as("a dossier closed while paused keeps its due time")
                .isEqualTo(paused.dueAt());
    }

    @Test
    void recordsWhenTheResultWasReady() {
        Instant ready = T0.plusSeconds(3600);

        assertThat(DossierChange.of(dossier(DossierStatus.PROCESSING, T0), status(DossierStatus.RESULT_READY, ready))
                        .finishedAt())
                .isEqualTo(ready);
    }

    @Test
    void extendsTheDueTimeLaterOnlyOnARunningDossier() {
        Dossier running = dossier(DossierStatus.PROCESSING, T0);
        Instant later = running.dueAt().plus(Duration.ofDays(3));

        DossierChange extended = DossierChange.of(running, extension(later));

        assertThat(extended.dueAt()).isEqualTo(later);
        assertThat(extended.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThatThrownBy(() ->
                        DossierChange.of(running, extension(running.dueAt().minusSeconds(1))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("later");
        assertThatThrownBy(() -> DossierChange.of(dossier(DossierStatus.RETURNED, T0), extension(later)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("closed");
    }

    private static DossierEventCommand status(DossierStatus status, Instant at) {
        return new DossierEventCommand("e-" + at.toEpochMilli(), status, at, "H26.99", null, null, null);
    }

    private static DossierEventCommand extension(Instant dueAt) {
        return new DossierEventCommand(
                "x-1", null, T0.plusSeconds(60), "H26.99", null, dueAt, "Thiếu hồ sơ liên thông");
    }

    static Dossier dossier(DossierStatus status, Instant statusAt) {
        return new Dossier(
                1,
                "H26.99-251120-0001",
                "H26.99",
                "1.001",
                "Đăng ký kết hôn",
                "Hộ tịch",
                "ref",
                "Nguyễn Văn An",
                "W00070",
                statusAt.minus(Duration.ofDays(1)),
                statusAt.plus(Duration.ofDays(4)),
                statusAt.plus(Duration.ofDays(4)),
                Channel.COUNTER,
                ResultDelivery.COUNTER,
                status,
                statusAt,
                null,
                "hash",
                "city",
                3,
                statusAt);
    }
}
