package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * What happened to a dossier, told to every {@link DossierChangeListener} inside the transaction of the
 * change. Only changes that were applied are told; a replayed or ignored event is not.
 */
public sealed interface DossierChanged permits DossierStatusChanged, DossierDueExtended {

    /** The dossier as the change left it. */
    Dossier dossier();

    /** The id the city system gave the event. */
    String eventId();

    /** When it happened, as the city system says. */
    Instant occurredAt();
}
