package vn.hanoi.hcc.bff.dossier;

import java.time.Duration;
import java.time.Instant;
import vn.hanoi.hcc.bff.error.ConflictException;

/**
 * What an event does to a dossier. An event older than the newest applied one goes into the
 * timeline only. Leaving a paused status (5, 6) moves the due time by the time spent paused: the
 * citizen's time does not count against the administration.
 *
 * @param applied whether the event moved the dossier (a late one does not)
 */
record DossierChange(DossierStatus status, Instant statusAt, Instant dueAt, Instant finishedAt, boolean applied) {

    static DossierChange of(Dossier dossier, DossierEventCommand event) {
        return event.kind() == EventKind.DUE_EXTENDED ? extension(dossier, event) : statusChange(dossier, event);
    }

    private static DossierChange statusChange(Dossier dossier, DossierEventCommand event) {
        if (event.occurredAt().isBefore(dossier.statusAt())) {
            return unchanged(dossier, false);
        }
        DossierStatus from = dossier.status();
        DossierStatus to = event.status();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(from, to);
        }
        Instant dueAt = dossier.dueAt();
        if (from.isPaused() && !to.isTerminal()) {
            dueAt = dueAt.plus(Duration.between(dossier.statusAt(), event.occurredAt()));
        }
        Instant finishedAt = to == DossierStatus.RESULT_READY ? event.occurredAt() : dossier.finishedAt();
        return new DossierChange(to, event.occurredAt(), dueAt, finishedAt, true);
    }

    private static DossierChange extension(Dossier dossier, DossierEventCommand event) {
        if (event.status() != null && event.status() != dossier.status()) {
            throw new ConflictException(
                    "An extension does not change the status; send the status change as its own event");
        }
        if (dossier.status().isTerminal() || dossier.status().isFinished()) {
            throw new ConflictException(
                    "The dossier is closed (status " + dossier.status().code() + "): its due time stays");
        }
        if (!event.dueAt().isAfter(dossier.dueAt())) {
            throw new ConflictException("An extension must move the due time later than " + dossier.dueAt());
        }
        return new DossierChange(dossier.status(), dossier.statusAt(), event.dueAt(), dossier.finishedAt(), true);
    }

    private static DossierChange unchanged(Dossier dossier, boolean applied) {
        return new DossierChange(dossier.status(), dossier.statusAt(), dossier.dueAt(), dossier.finishedAt(), applied);
    }
}
