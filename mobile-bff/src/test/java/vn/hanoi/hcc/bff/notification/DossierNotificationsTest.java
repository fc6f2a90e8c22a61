package vn.hanoi.hcc.bff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hanoi.hcc.bff.dossier.Channel;
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierDueExtended;
import vn.hanoi.hcc.bff.dossier.DossierStatus;
import vn.hanoi.hcc.bff.dossier.DossierStatusChanged;
import vn.hanoi.hcc.bff.dossier.ResultDelivery;

/** Which changes the owner hears about: the result ready, an action of theirs needed, a later due time. */
class DossierNotificationsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void tellsTheOwnerOfTheStatusesTheyMustHearAbout(DossierStatus status) {
        Optional<NotificationEvent> told =
                DossierNotifications.eventFor(new DossierStatusChanged(in(status), "e-1", NOW));

        switch (status) {
            case RESULT_READY -> assertThat(told).contains(NotificationEvent.RESULT_READY);
            case SUPPLEMENT_REQUIRED, PAYMENT_REQUIRED -> assertThat(told).contains(NotificationEvent.ACTION_NEEDED);
            default -> assertThat(told).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void tellsTheOwnerOfEveryLaterDueTime(DossierStatus status) {
        assertThat(DossierNotifications.eventFor(new DossierDueExtended(in(status), "e-2", NOW)))
                .contains(NotificationEvent.DUE_EXTENDED);
    }

    private static Dossier in(DossierStatus status) {
        return new Dossier(
                1,
                "000.00.01.H26-261207-0001",
                "000.00.01.H26",
                "1.001",
                "A procedure",
                "Field",
                "ref",
                "Nguyễn Văn An",
                "HQ",
                NOW,
                NOW.plusSeconds(86_400),
                NOW.plusSeconds(86_400),
                Channel.values()[0],
                ResultDelivery.values()[0],
                status,
                NOW,
                null,
                "hash",
                "agent",
                3,
                NOW);
    }
}
