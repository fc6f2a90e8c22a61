package vn.hanoi.hcc.bff.security;

/**
 * The scopes a machine client's key may carry ({@code hcc.bff.api-keys.scopes}): the gateway checks
 * them per route, and the BFF checks each operation's again, in case a route or a rule drifts.
 */
public final class Scopes {

    public static final String DOSSIERS_READ = "dossiers:read";
    public static final String DOSSIERS_WRITE = "dossiers:write";
    public static final String WEBHOOKS_WRITE = "webhooks:write";

    private Scopes() {}
}
