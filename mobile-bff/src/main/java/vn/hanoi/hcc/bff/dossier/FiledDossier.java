package vn.hanoi.hcc.bff.dossier;

/**
 * A dossier just filed, with its lookup secret: printed on the receipt, stored only as a hash.
 */
public record FiledDossier(Dossier dossier, String lookupSecret) {

    @Override
    public String toString() {
        return "FiledDossier[" + dossier.code() + "]";
    }
}
