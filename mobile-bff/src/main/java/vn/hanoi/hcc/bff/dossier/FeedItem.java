package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/**
 * One change of a dossier, as the feed lists it, with the dossier as that change left it.
 *
 * @param source the client that sent the event
 * @param statusAfter, dueAfter, versionAfter the dossier right after this change
 */
public record FeedItem(
        String code,
        String eventId,
        String source,
        EventKind kind,
        DossierStatus status,
        Instant occurredAt,
        String agency,
        String note,
        Instant dueAt,
        String reason,
        boolean applied,
        DossierStatus statusAfter,
        Instant dueAfter,
        long versionAfter,
        Instant recordedAt) {}
