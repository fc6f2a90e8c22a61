package vn.hanoi.hcc.bff.dossier;

import java.time.Instant;
import java.util.Objects;

/** A dossier reached this status at this instant: one applied status entry of its timeline. */
public record StatusEvent(DossierStatus status, Instant at) {

    public StatusEvent {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
