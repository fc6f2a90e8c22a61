package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * An event as recorded, with the dossier as it left it: what a replay answers.
 *
 * @param fingerprint of the event's content, to tell a replay from a reused event id
 */
record StoredEvent(
        String dossierCode,
        String eventId,
        String fingerprint,
        boolean applied,
        DossierStatus statusAfter,
        Instant dueAfter,
        long versionAfter) {}
