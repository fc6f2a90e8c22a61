package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;

/** The dossier moved to another status: {@code dossier().status()}. */
public record DossierStatusChanged(Dossier dossier, String eventId, Instant occurredAt) implements DossierChanged {}
