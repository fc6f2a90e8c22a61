package vn.hanoi.hcc.bff.forecast;

/**
 * Where comparable dossiers are looked for, most specific first: the same procedure at the same
 * agency, the same procedure at any agency, the same field. Each level's key names its group.
 */
public enum ForecastLevel {
    PROCEDURE_AT_AGENCY,
    PROCEDURE,
    FIELD;

    /** The key of the group a dossier of this procedure, agency and field belongs to at this level. */
    public String keyOf(String procedure, String agency, String field) {
        if (this == PROCEDURE_AT_AGENCY) {
            return procedure + "@" + agency;
        }
        return this == PROCEDURE ? procedure : field;
    }
}
