package vn.hanoi.hcc.bff.notification;

import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.dossier.Dossier;
import vn.hanoi.hcc.bff.dossier.DossierChangeListener;
import vn.hanoi.hcc.bff.dossier.DossierChanged;
import vn.hanoi.hcc.bff.dossier.DossierDueExtended;
import vn.hanoi.hcc.bff.dossier.DossierStatus;

/**
 * The owner's notification of the changes they must hear about, queued in the change's transaction:
 * the result is ready (9), they must act (5, 6), the due time moved later.
 */
@Component
class DossierNotifications implements DossierChangeListener {

    private final NotificationRepository notifications;

    DossierNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> on(DossierChanged change) {
        Dossier dossier = change.dossier();
        return Mono.justOrEmpty(eventFor(change))
                .flatMap(event -> notifications.queue(new NewNotification(
                        dossier.applicantRef(),
                        dossier.code(),
                        event,
                        dossier.status().code(),
                        dossier.version(),
                        dossier.dueAt())))
                .then();
    }

    /** What the owner is told of this change, if anything. */
    static Optional<NotificationEvent> eventFor(DossierChanged change) {
        if (change instanceof DossierDueExtended) {
            return Optional.of(NotificationEvent.DUE_EXTENDED);
        }
        DossierStatus status = change.dossier().status();
        if (status == DossierStatus.RESULT_READY) {
            return Optional.of(NotificationEvent.RESULT_READY);
        }
        return status.isPaused() ? Optional.of(NotificationEvent.ACTION_NEEDED) : Optional.empty();
    }
}
