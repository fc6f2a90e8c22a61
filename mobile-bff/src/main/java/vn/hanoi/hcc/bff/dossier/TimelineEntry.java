package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * One entry of a dossier's timeline.
 *
 * @param status the status this entry moved to (or, for FILED, began in); absent for an extension
 * @param agency the agency or step that acted
 * @param note the agency's note: for the owner and the Center, never the public
 * @param dueAt the new due time of an extension
 * @param reason why the due time was extended
 * @param applied false for an event that arrived after a newer one: it is history only
 */
public record TimelineEntry(
        long id,
        EventKind kind,
        DossierStatus status,
        Instant occurredAt,
        String agency,
        String note,
        Instant dueAt,
        String reason,
        boolean applied) {}
