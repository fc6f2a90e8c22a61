package vn.hanoi.hcc.bff.dossier;

import vn.hanoi.hcc.bff.error.ResourceNotFoundException;

/** No dossier with this code, or none the caller may see: both read the same. */
class DossierNotFoundException extends ResourceNotFoundException {

    DossierNotFoundException(String code) {
        super("dossier", code);
    }
}
