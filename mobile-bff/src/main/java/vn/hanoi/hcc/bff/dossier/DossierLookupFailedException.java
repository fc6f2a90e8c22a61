package vn.hanoi.hcc.bff.dossier;

import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/**
 * A lookup whose code is unknown or whose secret is wrong: both give exactly this answer, so that
 * the lookup never tells which codes exist.
 */
class DossierLookupFailedException extends ResourceNotFoundException {

    DossierLookupFailedException() {
        super("dossier", "(code and secret)");
    }

    @Override
    public String getMessage() {
        return "No dossier matches this code and secret";
    }
}
