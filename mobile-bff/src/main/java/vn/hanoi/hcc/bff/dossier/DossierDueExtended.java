package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/** The dossier's due time was moved later (an apology slip): {@code dossier().dueAt()}. */
public record DossierDueExtended(Dossier dossier, String eventId, Instant occurredAt) implements DossierChanged {}
