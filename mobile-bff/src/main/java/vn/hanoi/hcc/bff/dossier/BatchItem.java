package vn.hanoi.hcc.bff.dossier;

/**
 * One event of a batch, as read: either a valid event for a dossier, or the reason it is invalid.
 *
 * @param index its position in the batch, to match results to events
 * @param invalid why the event cannot be applied, or {@code null}
 */
public record BatchItem(int index, String code, DossierEventCommand event, RuntimeException invalid) {

    public static BatchItem valid(int index, String code, DossierEventCommand event) {
        return new BatchItem(index, code, event, null);
    }

    public static BatchItem invalid(int index, String code, String eventId, RuntimeException reason) {
        return new BatchItem(index, code, new DossierEventCommand(eventId, null, null, null, null, null, null), reason);
    }
}
