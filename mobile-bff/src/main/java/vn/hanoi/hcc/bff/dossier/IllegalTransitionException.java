package vn.hanoi.hcc.bff.dossier;

import java.util.stream.Collectors;
import vn.hanoi.hcc.bff.error.ConflictException;

/** A status event that the current status does not allow. */
class IllegalTransitionException extends ConflictException {

    IllegalTransitionException(DossierStatus from, DossierStatus to) {
        super("A dossier in status " + from.code() + " (" + from.name() + ") cannot move to " + to.code() + " ("
                + to.name() + ")"
                + (from.isTerminal()
                        ? "; " + from.code() + " is final"
                        : "; allowed: "
                                + from.next().stream()
                                        .map(next -> Integer.toString(next.code()))
                                        .sorted()
                                        .collect(Collectors.joining(", "))));
    }
}
