package vn.hanoi.hcc.bff.dossier;

/** What a timeline entry records. */
public enum EventKind {
    /** The dossier was filed, in its first status. */
    FILED,
    /** The dossier moved to another status. */
    STATUS,
    /** The due time was moved later (apology slip: new due time and reason). */
    DUE_EXTENDED
}
