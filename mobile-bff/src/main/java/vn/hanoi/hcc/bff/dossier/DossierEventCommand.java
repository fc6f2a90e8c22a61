package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * A status event or a due-date extension from the city system or an agent, validated.
 *
 * @param eventId the client's own id for the event: sending it again changes nothing
 * @param status the new status; absent for an extension
 * @param dueAt the new due time of an extension
 * @param reason why, for an extension
 */
public record DossierEventCommand(
        String eventId,
        DossierStatus status,
        Instant occurredAt,
        String agency,
        String note,
        Instant dueAt,
        String reason) {

    public EventKind kind() {
        return dueAt != null ? EventKind.DUE_EXTENDED : EventKind.STATUS;
    }
}
