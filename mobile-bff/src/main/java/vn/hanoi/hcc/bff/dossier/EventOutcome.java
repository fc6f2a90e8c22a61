package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * What an event did.
 *
 * @param applied whether it moved the dossier (an event older than the newest one only joins the timeline)
 * @param replayed whether it had been received before, in which case this is the first answer again
 * @param status the dossier's status after it
 * @param dueAt the due time in force after it
 */
public record EventOutcome(
        String code,
        String eventId,
        boolean applied,
        boolean replayed,
        DossierStatus status,
        Instant dueAt,
        long version) {}
