package vn.hanoi.hcc.bff.dossier;

import reactor.core.publisher.Mono;

/**
 * A feature that must hear of a dossier's changes in the change's own transaction, so that what it
 * writes (an outbox row) commits or rolls back with the change. The dossier feature knows its
 * listeners only by this interface; a listener that fails fails the change.
 */
public interface DossierChangeListener {

    Mono<Void> on(DossierChanged change);
}
